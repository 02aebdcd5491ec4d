package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuthFlowTest extends ApiTest {

    @Test
    void signupReturnsTokensTenantAndUser() {
        Reply reply = api().post("/api/v1/auth/signup", null,
                Map.of("email", "Founder-" + System.nanoTime() + "@Example.com", "password", Session.PASSWORD,
                        "tenantName", "Acme Coffee"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.string("accessToken")).isNotBlank();
        assertThat(reply.string("refreshToken")).startsWith("prt_");
        assertThat(reply.string("tenant.name")).isEqualTo("Acme Coffee");
        assertThat(reply.string("tenant.id")).hasSize(36);
        assertThat(reply.string("user.email")).startsWith("founder-").endsWith("@example.com");
        assertThat(reply.text()).doesNotContain(Session.PASSWORD).doesNotContain("passwordHash");
    }

    @Test
    void signupWithATakenEmailIsAConflict() {
        Session first = api().signup("First");
        Reply again = api().post("/api/v1/auth/signup", null,
                Map.of("email", first.email().toUpperCase(), "password", Session.PASSWORD, "tenantName", "Second"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.string("type")).isEqualTo("https://parley.dev/problems/conflict");
    }

    @Test
    void signupValidationListsEveryBadField() {
        Reply reply = api().post("/api/v1/auth/signup", null,
                Map.of("email", "not-an-email", "password", "short", "tenantName", ""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/validation-failed");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.at("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("email", "password", "tenantName");
    }

    @Test
    void loginWithTheRightPasswordStartsASessionInTheUsersTenant() {
        Session signup = api().signup("Login Co");
        Reply login = api().post("/api/v1/auth/login", null,
                Map.of("email", "  " + signup.email().toUpperCase() + " ", "password", Session.PASSWORD));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.string("tenant.id")).isEqualTo(signup.tenantId());
        assertThat(api().get("/api/v1/me", login.string("accessToken")).string("user.email")).isEqualTo(signup.email());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Session signup = api().signup("Wrong Co");
        Reply wrongPassword = api().post("/api/v1/auth/login", null,
                Map.of("email", signup.email(), "password", "not the password at all"));
        Reply unknownEmail = api().post("/api/v1/auth/login", null,
                Map.of("email", "nobody-" + System.nanoTime() + "@example.com", "password", "whatever-password"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.string("type")).isEqualTo("https://parley.dev/problems/invalid-credentials");
        assertThat(wrongPassword.string("detail")).isEqualTo(unknownEmail.string("detail"));
    }

    @Test
    void refreshRotatesTheTokenPair() {
        Session session = api().signup("Rotate Co");
        Reply refreshed = api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", session.refreshToken()));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.string("refreshToken")).isNotEqualTo(session.refreshToken());
        assertThat(refreshed.string("tenant.id")).isEqualTo(session.tenantId());
        assertThat(api().get("/api/v1/me", refreshed.string("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeSession() {
        Session session = api().signup("Reuse Co");
        Reply rotated = api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", session.refreshToken()));
        String successor = rotated.string("refreshToken");

        Reply replay = api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", session.refreshToken()));
        Reply successorAfterReplay = api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", successor));

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.string("type")).isEqualTo("https://parley.dev/problems/invalid-token");
        assertThat(successorAfterReplay.status()).as("the thief's or victim's successor token dies too").isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() {
        Session session = api().signup("Logout Co");
        assertThat(api().post("/api/v1/auth/logout", null, Map.of("refreshToken", session.refreshToken())).status())
                .isEqualTo(204);
        assertThat(api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", session.refreshToken())).status())
                .isEqualTo(401);
    }

    @Test
    void unknownRefreshTokenIsRejected() {
        Reply reply = api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", "prt_forged"));
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void accessTokenIsRequiredAndMustBeGenuine() {
        Reply none = api().get("/api/v1/me", null);
        Reply forged = api().get("/api/v1/me", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void meListsTheUsersMemberships() {
        Session session = api().signup("Me Co");
        Reply me = api().get("/api/v1/me", session.accessToken());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.string("activeTenantId")).isEqualTo(session.tenantId());
        assertThat(me.string("memberships.0.tenantName")).isEqualTo("Me Co");
        assertThat(me.string("memberships.0.role")).isEqualTo("owner");
    }
}
