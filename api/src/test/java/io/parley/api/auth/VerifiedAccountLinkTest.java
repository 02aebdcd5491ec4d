package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.FakeIdentityProvider.User;
import io.parley.core.account.UserRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's verified email links to an existing password account. When that account had proved its address (the
 * verification email), the password is its owner's: it keeps working, and so do its sessions. (An unproved one is
 * removed: ProviderSignInTest.)
 */
@MicronautTest(transactional = false)
class VerifiedAccountLinkTest extends ProviderTestBase {

    @Inject
    UserRepository users;

    @Test
    void aVerifiedPasswordAccountKeepsItsPasswordWhenAProviderLinksByEmail() {
        Session owner = api().signup("Verified Co");
        users.markEmailVerified(UUID.fromString(owner.userId()));
        IDP.nextUser(new User("sub-" + UUID.randomUUID(), owner.email(), true, "Owner"));

        Reply tokens = flow().signInAndExchange("acme-sso");

        assertThat(tokens.string("user.id")).isEqualTo(owner.userId());
        assertThat(api().post("/api/v1/auth/login", null,
                Map.of("email", owner.email(), "password", Session.PASSWORD)).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", owner.refreshToken())).status())
                .isEqualTo(200);
    }
}
