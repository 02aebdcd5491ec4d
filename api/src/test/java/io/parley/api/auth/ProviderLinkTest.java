package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.FakeIdentityProvider;
import io.parley.api.testing.FakeIdentityProvider.User;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ProviderLinkTest extends ProviderTestBase {

    private Map<String, String> link(Session session, String provider) {
        IDP.nextUser(new User("sub-" + UUID.randomUUID(), "other-" + UUID.randomUUID() + "@example.com", true, "X"));
        return flow().back(flow().toProvider(provider, session.accessToken()));
    }

    @Test
    void aSignedInUserLinksAProviderAndThenSignsInWithIt() {
        Session owner = api().signup("Link Co");

        assertThat(link(owner, "acme-sso")).containsEntry("linked", "acme-sso");
        Reply methods = api().get("/api/v1/auth/identities", owner.accessToken());
        assertThat(methods.at("hasPassword")).isEqualTo(true);
        assertThat(methods.string("identities.0.provider")).isEqualTo("acme-sso");
        // The provider account signs in as the owner, though its email is another.
        assertThat(flow().signInAndExchange("acme-sso").string("user.id")).isEqualTo(owner.userId());
    }

    @Test
    void aProviderAccountLinkedToSomeoneElseCannotBeLinkedAgain() {
        Session first = api().signup("First Co");
        Session second = api().signup("Second Co");
        User shared = new User("sub-" + UUID.randomUUID(), "shared-" + UUID.randomUUID() + "@example.com", true, "S");
        IDP.nextUser(shared);
        assertThat(flow().back(flow().toProvider("acme-sso", first.accessToken()))).containsEntry("linked", "acme-sso");

        IDP.nextUser(shared);
        assertThat(flow().back(flow().toProvider("acme-sso", second.accessToken())))
                .containsEntry("error", "already_linked");
    }

    @Test
    void unlinkingWorksWhileAnotherWayInRemainsButNeverTheLast() {
        Session owner = api().signup("Unlink Co");
        link(owner, "acme-sso");
        String identity = api().get("/api/v1/auth/identities", owner.accessToken()).string("identities.0.id");
        assertThat(api().delete("/api/v1/auth/identities/" + identity, owner.accessToken()).status()).isEqualTo(204);

        IDP.nextUser(new User("sub-" + UUID.randomUUID(), "only-" + UUID.randomUUID() + "@example.com", true, "Only"));
        Reply providerOnly = flow().signInAndExchange("acme-sso");
        String token = providerOnly.string("accessToken");
        String only = api().get("/api/v1/auth/identities", token).string("identities.0.id");
        Reply last = api().delete("/api/v1/auth/identities/" + only, token);

        assertThat(last.status()).isEqualTo(409);
        assertThat(last.string("detail")).isEqualTo(Identities.LAST_WAY_IN);
        assertThat(api().get("/api/v1/auth/identities", token).string("identities.0.id")).isEqualTo(only);
    }

    @Test
    void anotherUsersIdentityIsNotFound() {
        Session owner = api().signup("Mine Co");
        Session stranger = api().signup("Stranger Co");
        link(owner, "acme-sso");
        String identity = api().get("/api/v1/auth/identities", owner.accessToken()).string("identities.0.id");

        Reply foreign = api().delete("/api/v1/auth/identities/" + identity, stranger.accessToken());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api().get("/api/v1/auth/identities", owner.accessToken()).string("identities.0.id"))
                .isEqualTo(identity);
    }

    @Test
    void anOwnerRequiringSsoRefusesPasswordSignInForItsMembers() {
        Session owner = api().signup("Sso Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Map<String, Object> on = Map.of("ssoRequired", true);

        Reply unlinked = api().send("PUT", "/api/v1/tenant/sign-in-policy", owner.accessToken(), on, Map.of());
        assertThat(unlinked.status()).isEqualTo(409);
        assertThat(unlinked.string("detail")).isEqualTo(Identities.OWNER_NEEDS_PROVIDER);
        link(owner, "acme-sso");
        assertThat(api().send("PUT", "/api/v1/tenant/sign-in-policy", agent.accessToken(), on, Map.of()).status())
                .isEqualTo(403);
        Reply required = api().send("PUT", "/api/v1/tenant/sign-in-policy", owner.accessToken(), on, Map.of());
        assertThat(required.status()).as(required.text()).isEqualTo(200);
        assertThat(api().get("/api/v1/tenant/sign-in-policy", agent.accessToken()).at("ssoRequired")).isEqualTo(true);

        Reply password = api().post("/api/v1/auth/login", null,
                Map.of("email", agent.email(), "password", Session.PASSWORD));
        assertThat(password.status()).isEqualTo(403);
        assertThat(password.contentType()).startsWith("application/problem+json");
        assertThat(password.string("detail")).isEqualTo(AuthService.SSO_REQUIRED);
        Reply wrongPassword = api().post("/api/v1/auth/login", null,
                Map.of("email", agent.email(), "password", "not the password at all"));
        assertThat(wrongPassword.status()).as("no hint without the password").isEqualTo(401);
    }

    @Test
    void anotherTenantsMembersStillSignInWithAPassword() {
        Session owner = api().signup("Strict Co");
        link(owner, "acme-sso");
        api().send("PUT", "/api/v1/tenant/sign-in-policy", owner.accessToken(), Map.of("ssoRequired", true), Map.of());
        Session elsewhere = api().signup("Relaxed Co");

        assertThat(api().get("/api/v1/tenant/sign-in-policy", elsewhere.accessToken()).at("ssoRequired"))
                .isEqualTo(false);
        assertThat(api().login(elsewhere.email()).userId()).isEqualTo(elsewhere.userId());
    }
}
