package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class HealthTest extends ApiTest {

    @Test
    void healthReportsStatusDatabaseVersionAndUptime() {
        Reply health = api().get("/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).containsKeys("status", "database", "version", "uptime");
        assertThat(health.string("status")).isEqualTo("UP");
        assertThat(health.string("database")).isEqualTo("UP");
        assertThat(health.string("version")).isNotBlank().doesNotContain("${");
        assertThat(((Number) health.at("uptime")).longValue()).isNotNegative();
    }

    @Test
    void livenessAndReadinessAnswer() {
        assertThat(api().get("/health/liveness", null).status()).isEqualTo(200);
        assertThat(api().get("/health/readiness", null).string("database")).isEqualTo("UP");
    }

    @Test
    void withNoConfiguredOriginsNoBrowserOriginIsAllowed() {
        Reply preflight = api().send("OPTIONS", "/api/v1/me", null, null, java.util.Map.of(
                "Origin", "https://evil.example.com", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "Authorization"));
        Reply simple = api().send("GET", "/health", null, null, java.util.Map.of("Origin", "https://evil.example.com"));

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }
}
