package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code parley.http.redirect-to-https}, a request the proxy says came over plain HTTP is sent to HTTPS: 301 for
 * GET, 308 (method and body kept) otherwise; webhooks and health checks are never redirected.
 */
@MicronautTest(transactional = false)
class HttpsRedirectTest extends ApiTest {

    private static final Map<String, String> OVER_HTTP = Map.of("X-Forwarded-Proto", "http");

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.http.redirect-to-https", "true", "parley.public-url", "https://parley.example");
    }

    @Test
    void aGetOverHttpIsMovedPermanentlyToTheHttpsPublicAddress() {
        Reply reply = api().send("GET", "/api/v1/auth/oauth/providers?x=1", null, null, OVER_HTTP);

        assertThat(reply.status()).isEqualTo(301);
        assertThat(reply.header("Location")).isEqualTo("https://parley.example/api/v1/auth/oauth/providers?x=1");
    }

    @Test
    void aPostOverHttpKeepsItsMethodWithA308() {
        Reply reply = api().send("POST", "/api/v1/auth/login", null,
                Map.of("email", "a@example.com", "password", "whatever-it-is"),
                Map.of("X-Forwarded-Proto", "http, https"));

        assertThat(reply.status()).isEqualTo(308);
        assertThat(reply.header("Location")).isEqualTo("https://parley.example/api/v1/auth/login");
    }

    @Test
    void httpsRequestsWebhooksAndHealthChecksAreNotRedirected() {
        assertThat(api().send("GET", "/api/v1/auth/oauth/providers", null, null,
                Map.of("X-Forwarded-Proto", "https")).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/auth/oauth/providers", null).status()).isEqualTo(200);
        assertThat(api().send("GET", "/health", null, null, OVER_HTTP).status()).isEqualTo(200);
        assertThat(api().send("POST", "/webhooks/line/00000000-0000-0000-0000-000000000000", null,
                Map.of("events", java.util.List.of()), OVER_HTTP).status()).isNotIn(301, 308);
    }
}
