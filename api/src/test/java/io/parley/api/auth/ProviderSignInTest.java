package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.FakeIdentityProvider;
import io.parley.api.testing.FakeIdentityProvider.Tamper;
import io.parley.api.testing.FakeIdentityProvider.User;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ProviderSignInTest extends ProviderTestBase {

    private static User person(boolean verified) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new User("sub-" + id, "sso-" + id + "@example.com", verified, "Sso Person " + id);
    }

    @Test
    void theConfiguredProvidersAreListedPublicly() {
        Reply providers = api().get("/api/v1/auth/oauth/providers", null);

        assertThat(providers.status()).isEqualTo(200);
        assertThat(providers.items()).extracting(p -> p.get("id") + "=" + p.get("name"))
                .containsExactly("acme-sso=Fake SSO", "github=GitHub");
        assertThat(providers.text()).doesNotContain(FakeIdentityProvider.CLIENT_SECRET);
    }

    @Test
    void startRedirectsToTheProviderWithPkceStateAndNonce() {
        Reply start = api().get("/api/v1/auth/oauth/acme-sso/start", null);

        Map<String, String> query = FakeIdentityProvider.queryOf(start.header("Location"));
        assertThat(start.header("Location")).startsWith(IDP.issuer() + "/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("client_id", FakeIdentityProvider.CLIENT_ID)
                .containsEntry("redirect_uri", ProviderSignInFlow.PUBLIC_URL + "/api/v1/auth/oauth/acme-sso/callback");
        assertThat(query.get("state")).hasSizeGreaterThan(40);
        assertThat(query.get("nonce")).hasSizeGreaterThan(40);
        assertThat(start.header("Set-Cookie")).contains("Secure").contains("SameSite=Lax");
    }

    @Test
    void anUnknownProviderIsNotFound() {
        Reply start = api().get("/api/v1/auth/oauth/nowhere/start", null);

        assertThat(start.status()).isEqualTo(404);
        assertThat(start.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aFirstSignInWithAVerifiedEmailCreatesAnAccountAndHandsTokensOverOnce() {
        User user = person(true);
        IDP.nextUser(user);
        Map<String, String> fragment = flow().signIn("acme-sso");

        Reply tokens = api().post("/api/v1/auth/oauth/exchange", null, Map.of("code", fragment.get("code")));
        assertThat(tokens.status()).as(tokens.text()).isEqualTo(200);
        assertThat(tokens.string("user.email")).isEqualTo(user.email());
        assertThat(tokens.string("tenant.name")).isEqualTo(user.name());
        assertThat(api().get("/api/v1/me", tokens.string("accessToken")).string("user.email")).isEqualTo(user.email());
        Reply again = api().post("/api/v1/auth/oauth/exchange", null, Map.of("code", fragment.get("code")));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.string("type")).isEqualTo("https://parley.dev/problems/invalid-token");
    }

    @Test
    void theSameProviderAccountSignsInAsTheSameUserAgain() {
        IDP.nextUser(person(true));
        String first = flow().signInAndExchange("acme-sso").string("user.id");
        String second = flow().signInAndExchange("acme-sso").string("user.id");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anExistingAccountIsLinkedByAVerifiedEmailAndItsUnprovedPasswordStops() {
        Session owner = api().signup("Linked Co");
        IDP.nextUser(new User("sub-" + UUID.randomUUID(), owner.email(), true, "Owner"));

        Reply tokens = flow().signInAndExchange("acme-sso");

        assertThat(tokens.string("user.id")).isEqualTo(owner.userId());
        assertThat(tokens.string("tenant.id")).isEqualTo(owner.tenantId());
        // Nobody had proved the address: the password may have been a squatter's, so it no longer signs in.
        assertThat(api().post("/api/v1/auth/login", null,
                Map.of("email", owner.email(), "password", Session.PASSWORD)).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", owner.refreshToken())).status())
                .isEqualTo(401);
    }

    @Test
    void anUnverifiedEmailIsNeitherLinkedNorUsedForANewAccount() {
        Session owner = api().signup("Unverified Co");
        IDP.nextUser(new User("sub-" + UUID.randomUUID(), owner.email(), false, "Mallory"));

        assertThat(flow().signIn("acme-sso")).containsEntry("error", "email_not_verified").doesNotContainKey("code");
        IDP.nextUser(person(false));
        assertThat(flow().signIn("acme-sso")).containsEntry("error", "email_not_verified");
        assertThat(api().login(owner.email()).userId()).isEqualTo(owner.userId());
    }

    @Test
    void aStateThatIsForgedReplayedOrFromAnotherBrowserIsRefused() {
        IDP.nextUser(person(true));
        ProviderSignInFlow.Round round = flow().toProvider("acme-sso", null);
        String forged = round.callbackPath().replaceAll("state=[^&]+", "state=forged-state");
        ProviderSignInFlow.Round otherBrowser = new ProviderSignInFlow.Round(round.callbackPath(),
                "parley_oauth=another-browser");

        assertThat(flow().back(new ProviderSignInFlow.Round(forged, round.cookie()))).containsEntry("error", "state");
        assertThat(flow().back(otherBrowser)).containsEntry("error", "state");
        // The attempt from another browser spent the state: even the right browser cannot use it now.
        assertThat(flow().back(round)).containsEntry("error", "state");
    }

    @Test
    void aCallbackCannotBeReplayed() {
        IDP.nextUser(person(true));
        ProviderSignInFlow.Round round = flow().toProvider("acme-sso", null);

        assertThat(flow().back(round)).containsKey("code");
        assertThat(flow().back(round)).containsEntry("error", "state");
    }

    @Test
    void idTokensWithAWrongNonceAnExpiryAForgedSignatureOrAnotherAudienceAreRefused() {
        for (Tamper tamper : List.of(Tamper.WRONG_NONCE, Tamper.EXPIRED, Tamper.FORGED, Tamper.WRONG_AUDIENCE)) {
            IDP.nextUser(person(true));
            IDP.tamper(tamper);
            assertThat(flow().signIn("acme-sso")).as(tamper.name()).containsEntry("error", "id_token")
                    .doesNotContainKey("code");
        }
    }

    @Test
    void aDeniedConsentComesBackAsAnError() {
        ProviderSignInFlow.Round round = flow().toProvider("acme-sso", null);
        String denied = round.callbackPath().replaceAll("code=[^&]+", "error=access_denied");

        assertThat(flow().back(new ProviderSignInFlow.Round(denied, round.cookie()))).containsEntry("error", "denied");
    }

    @Test
    void gitHubSignsInWithItsVerifiedPrimaryEmail() {
        String id = Long.toString(System.nanoTime());
        IDP.nextUser(new User(id, "octo-" + id + "@example.com", true, "Octo Cat"));

        Reply tokens = flow().signInAndExchange("github");

        assertThat(tokens.status()).as(tokens.text()).isEqualTo(200);
        assertThat(tokens.string("user.email")).isEqualTo("octo-" + id + "@example.com");
        Reply methods = api().get("/api/v1/auth/identities", tokens.string("accessToken"));
        assertThat(methods.at("hasPassword")).isEqualTo(false);
        assertThat(methods.string("identities.0.provider")).isEqualTo("github");
    }

    @Test
    void gitHubWithAnUnverifiedPrimaryEmailIsRefused() {
        String id = Long.toString(System.nanoTime());
        IDP.nextUser(new User(id, "octo-" + id + "@example.com", false, "Octo Cat"));

        assertThat(flow().signIn("github")).containsEntry("error", "email_not_verified");
    }
}
