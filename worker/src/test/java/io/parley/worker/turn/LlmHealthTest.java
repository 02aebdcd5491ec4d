package io.parley.worker.turn;

import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /health shows the LLM's circuits next to the database, and an open circuit never makes the process DOWN. */
@MicronautTest(transactional = false)
class LlmHealthTest extends TurnTest {

    private final FakeLlm platform = new FakeLlm();
    private final FakeLlm tenantsOwn = new FakeLlm();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.roles", "worker");
        properties.put("parley.llm.base-url", platform.baseUrl());
        properties.put("parley.llm.api-key", "sk-platform-secret");
        properties.put("parley.llm.max-attempts", "1");
        properties.put("parley.llm.breaker-window", "3");
        properties.put("parley.llm.breaker-minimum-calls", "3");
        properties.put("parley.llm.breaker-open-for", "10m");
        return properties;
    }

    @AfterAll
    void stopTheFakes() {
        platform.close();
        tenantsOwn.close();
    }

    @Test
    void anOpenPlatformCircuitShowsAsDegradedWhileTheProcessStaysUpAndReady() throws Exception {
        assertThat(llmOf(health("/health"))).containsEntry("status", "UP").containsEntry("platform", "CLOSED");
        platform.always(FakeLlm.error(500, "openai-error-500.json", Map.of()));
        World world = world(new BotSpec(), "web"); // no key of its own: the platform's endpoint
        for (int i = 0; i < 3; i++) {
            say(world, "U" + i, "hello " + i);
        }
        BotSpec own = new BotSpec();
        own.baseUrl = tenantsOwn.baseUrl();
        say(world(own, "web"), "U9", "hello");

        HttpResponse<String> health = health("/health");
        HttpResponse<String> readiness = health("/health/readiness");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        Map<String, Object> body = read(health.body());
        assertThat(body).containsEntry("status", "UP").containsEntry("database", "UP");
        assertThat(llmOf(health)).containsEntry("status", "DEGRADED").containsEntry("platform", "OPEN")
                .containsEntry("botEndpoints", 1).containsEntry("botEndpointsOpen", 0);
        assertThat(health.body()).doesNotContain(tenantsOwn.baseUrl(), platform.baseUrl(), "sk-platform-secret");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> llmOf(HttpResponse<String> health) {
        return (Map<String, Object>) read(health.body()).get("llm");
    }

    private HttpResponse<String> health(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
