package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Low limits, and one trusted proxy so tests can speak from many client IPs through X-Forwarded-For. */
@MicronautTest(transactional = false)
class ThrottlingTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.auth.login-attempts-per-ip-per-minute", "3",
                "parley.auth.login-attempts-per-email-per-quarter-hour", "5",
                "parley.rate-limits.api-per-credential-per-minute", "5",
                "parley.http.trusted-proxy-hops", "1");
    }

    @Test
    void bruteForceFromOneAddressIsThrottled() {
        String ip = "198.51.100." + (int) (Math.random() * 200 + 1);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(login("victim-" + attempt + "@example.com", ip).status()).isEqualTo(401);
        }
        Reply throttled = login("victim-4@example.com", ip);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.string("type")).isEqualTo("https://parley.dev/problems/rate-limited");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(login("victim-5@example.com", "203.0.113.77").status()).as("another address").isEqualTo(401);
    }

    @Test
    void guessesSpreadOverManyAddressesAreThrottledPerAccount() {
        String email = "target-" + UUID.randomUUID() + "@example.com";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login(email, "192.0.2." + attempt).status()).isEqualTo(401);
        }
        Reply throttled = login(email, "192.0.2.99");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
    }

    @Test
    void apiCallsArelimitedPerCredential() {
        Session session = login201();
        int ok = 0;
        Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = api().get("/api/v1/me", session.accessToken());
            if (last.status() == 200) {
                ok++;
            }
        }
        assertThat(ok).isEqualTo(5);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(last.contentType()).startsWith("application/problem+json");
    }

    private Session login201() {
        String email = "limited-" + UUID.randomUUID() + "@example.com";
        Reply signup = api().send("POST", "/api/v1/auth/signup", null,
                Map.of("email", email, "password", Session.PASSWORD, "tenantName", "Limited"),
                Map.of("X-Forwarded-For", "10.9.8.7"));
        assertThat(signup.status()).isEqualTo(201);
        return new Session(signup.string("accessToken"), signup.string("refreshToken"), signup.string("tenant.id"),
                signup.string("user.id"), email);
    }

    private Reply login(String email, String ip) {
        return api().send("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", "wrong-password-123"),
                Map.of("X-Forwarded-For", "66.66.66.66, " + ip));
    }
}
