package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A server whose database is unreachable: health says so with 503, liveness still answers. */
@MicronautTest(transactional = false)
class HealthWithDatabaseDownTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.url", "jdbc:postgresql://127.0.0.1:9/unreachable",
                "datasources.default.initialization-fail-timeout", "-1",
                "datasources.default.connection-timeout", "1000",
                "flyway.datasources.migrations.enabled", "false");
    }

    @Test
    void healthIsServiceUnavailableWhenTheDatabaseIsDown() {
        Reply health = api().get("/health", null);
        Reply readiness = api().get("/health/readiness", null);

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.string("status")).isEqualTo("DOWN");
        assertThat(health.string("database")).isEqualTo("DOWN");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(api().get("/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void apiCallsNeedingTheDatabaseFailAsUnavailableProblems() {
        Reply login = api().post("/api/v1/auth/login", null,
                Map.of("email", "a@example.com", "password", "whatever-password"));

        assertThat(login.status()).isEqualTo(503);
        assertThat(login.header("Retry-After")).isEqualTo("5");
        assertThat(login.string("type")).isEqualTo("https://parley.dev/problems/unavailable");
        assertThat(login.contentType()).startsWith("application/problem+json");
        assertThat(login.text()).doesNotContain("jdbc:").doesNotContain("Exception");
    }
}
