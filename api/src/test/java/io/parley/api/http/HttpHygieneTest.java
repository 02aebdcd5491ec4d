package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem+json answer, never a stack trace; every response carries security headers. */
@MicronautTest(transactional = false)
class HttpHygieneTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.max-request-size", "65536",
                "micronaut.server.cors.configurations.dashboard.allowed-origins", "https://app.example.com");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        Reply reply = api().post("/api/v1/auth/login", null, "{\"email\": \"a@example.com\", \"password\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/malformed-json");
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void wrongJsonShapeIsABadRequestProblem() {
        Reply reply = api().post("/api/v1/auth/login", null, "[1, 2, 3]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void oversizedBodyIsPayloadTooLarge() {
        String huge = "{\"email\": \"" + "a".repeat(100_000) + "@example.com\", \"password\": \"x\"}";
        Reply reply = api().post("/api/v1/auth/login", null, huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/payload-too-large");
    }

    @Test
    void unknownRouteIsNotFoundProblem() {
        Reply anonymous = api().get("/api/v1/no-such-thing", null);
        Reply elsewhere = api().get("/definitely/not/here", null);

        assertThat(anonymous.status()).isIn(401, 404);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(elsewhere.string("detail")).contains("/definitely/not/here");
    }

    @Test
    void unknownRouteForASignedInUserIsNotFound() {
        var session = api().signup("Routes Co");
        Reply reply = api().get("/api/v1/no-such-thing", session.accessToken());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongMethodAndMediaTypeAreProblems() {
        Reply method = api().send("PUT", "/api/v1/auth/login", null, "{}", Map.of());
        Reply media = api().send("POST", "/api/v1/auth/login", null, "email=a", Map.of("Content-Type", "text/plain"));

        assertThat(method.status()).isIn(404, 405);
        assertThat(method.contentType()).startsWith("application/problem+json");
        assertThat(media.status()).isIn(400, 415);
        assertThat(media.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (Reply reply : new Reply[]{api().get("/health", null), api().get("/api/v1/me", null),
                api().get("/nope", null)}) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(reply.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void hstsIsSentBehindATlsProxy() {
        Reply reply = api().send("GET", "/health", null, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(reply.header("Strict-Transport-Security")).startsWith("max-age=31536000");
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        Reply allowed = api().send("OPTIONS", "/api/v1/me", null, null, Map.of("Origin", "https://app.example.com",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "Authorization"));
        Reply other = api().send("OPTIONS", "/api/v1/me", null, null, Map.of("Origin", "https://evil.example.com",
                "Access-Control-Request-Method", "GET"));

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void serverErrorsNeverLeakInternals() {
        // A refresh token that is absurdly long is still just a 400/401, not a 500.
        Reply reply = api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", "x".repeat(5000)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo("refreshToken");
    }
}
