package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** No cache may keep a token or a tenant's data: such answers carry {@code Cache-Control: no-store}. */
@MicronautTest(transactional = false)
class CacheControlTest extends ApiTest {

    @Test
    void answersThatCarryTokensAreNeverStored() {
        String email = "cache-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply signup = api().post("/api/v1/auth/signup", null,
                Map.of("email", email, "password", Session.PASSWORD, "tenantName", "Cache Co"));
        Reply login = api().post("/api/v1/auth/login", null, Map.of("email", email, "password", Session.PASSWORD));
        Reply refresh = api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", login.string("refreshToken")));

        assertThat(signup.status()).isEqualTo(201);
        assertThat(login.status()).isEqualTo(200);
        assertThat(refresh.status()).isEqualTo(200);
        for (Reply reply : new Reply[] {signup, login, refresh}) {
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void authenticatedAnswersAndTheirErrorsAreNeverStored() {
        Session session = api().signup("Cache Co");

        Reply me = api().get("/api/v1/me", session.accessToken());
        Reply bots = api().get("/api/v1/bots", session.accessToken());
        Reply missing = api().get("/api/v1/bots/" + UUID.randomUUID(), session.accessToken());
        Reply anonymous = api().get("/api/v1/me", null);

        assertThat(me.status()).isEqualTo(200);
        assertThat(bots.status()).isEqualTo(200);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
        for (Reply reply : new Reply[] {me, bots, missing, anonymous}) {
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void theSetupPagesApiWhosePathIsABearerTokenIsNeverStored() {
        Reply setup = api().get("/api/v1/public/setup/not-a-real-token", null);

        assertThat(setup.status()).isEqualTo(401);
        assertThat(setup.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void publicHealthKeepsItsOwnCaching() {
        assertThat(api().get("/health", null).header("Cache-Control")).isNotEqualTo("no-store");
    }
}
