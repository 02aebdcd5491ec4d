package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's Prometheus sees after one LINE conversation (webhook → queue → turn → fake LLM → LINE reply),
 * scraped from the management port, and that the public port has no /metrics.
 */
@MicronautTest(transactional = false)
class MetricsScrapeTest extends PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MANAGEMENT_PORT = freePort();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.management.port", Integer.toString(MANAGEMENT_PORT));
        properties.put("parley.metrics.queue-interval", "100ms");
        return properties;
    }

    @Test
    void aScrapeAfterAConversationCountsTheWebhookTheJobsTheTurnTheLlmCallAndTheSend() {
        Setup setup = setUp(Map.of());
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("Metrics, anyone?"));
        String replyToken = "rt-" + UUID.randomUUID();

        assertThat(lineText(setup, "Umetrics01", "01MET" + UUID.randomUUID(), replyToken, "hello")).isEqualTo(200);
        await("the reply", WAIT, () -> !lineMessagesFor(replyToken).isEmpty());
        await("the send's metric", WAIT, () -> new Scrape(scrape().body())
                .value("parley_sends_seconds_count", Map.of("channel", "line", "outcome", "sent")) >= 1);

        HttpResponse<String> response = scrape();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        Scrape metrics = new Scrape(response.body());
        assertThat(metrics.value("http_server_requests_seconds_count",
                Map.of("uri", "/webhooks/line/{channelId}", "method", "POST", "status", "200"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.series("http_server_requests_seconds_count")).as("no raw path with an id in a label")
                .noneMatch(series -> series.contains(setup.channelId()) || series.contains(setup.botId()));
        assertThat(metrics.value("parley_jobs_claimed_total", Map.of("kind", "inbound.turn"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("parley_jobs_attempts_seconds_count",
                Map.of("kind", "inbound.turn", "outcome", "completed"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("parley_turns_total", Map.of("channel", "line", "answered_by", "llm")))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("parley_llm_calls_seconds_count",
                Map.of("provider", "openai-compatible", "endpoint", "bot", "outcome", "ok"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("parley_llm_tokens_total", Map.of("type", "prompt"))).isGreaterThanOrEqualTo(42);
        assertThat(metrics.value("parley_llm_tokens_total", Map.of("type", "completion"))).isGreaterThanOrEqualTo(7);
        assertThat(metrics.value("parley_sends_messages_total", Map.of("channel", "line"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("parley_queue_jobs", Map.of("kind", "inbound.turn", "state", "available"))).isNotNegative();
        assertThat(metrics.value("parley_queue_oldest_seconds", Map.of("kind", "outbound.send"))).isNotNegative();
        assertThat(metrics.value("hikaricp_connections_max", Map.of())).isPositive();
        assertThat(metrics.value("jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
        assertThat(metrics.value("process_uptime_seconds", Map.of())).isPositive();
        assertThat(response.body()).as("no secret, token or message text in any series")
                .doesNotContain("sk-e2e-key", "line-access-token-e2e", CHANNEL_SECRET, "Metrics, anyone?", "hello",
                        replyToken);
    }

    @Test
    void thePublicPortHasNoMetricsAndNeverAnswersWithTheDashboard() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/metrics"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theManagementPortServesOnlyMetrics() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + MANAGEMENT_PORT + "/api/v1/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(401, 404);
        assertThat(response.body()).doesNotContain("<html");
    }

    private HttpResponse<String> scrape() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT + "/metrics"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
