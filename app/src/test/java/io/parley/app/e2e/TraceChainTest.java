package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from a LINE webhook to the reply leaving for LINE, across the PostgreSQL queue: the request's server
 * span → the turn job (its traceparent stored with the job) → the LLM call, and the LINE send, which the turn job
 * makes itself once its reply committed (one job per turn, docs/outbound.md).
 */
@MicronautTest(transactional = false)
class TraceChainTest extends PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RecordedSpans.Exporter exported;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.tracing.enabled", "true");
        properties.put("otel.traces.exporter", "none"); // only the recording processor below
        properties.put("parley.test.recorded-spans", "true");
        return properties;
    }

    @Test
    void aWebhooksTraceContinuesThroughTheTurnToTheLlmAndTheSend() {
        Setup setup = setUp(Map.of());
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("Traced reply"));
        String replyToken = "rt-" + UUID.randomUUID();

        assertThat(lineText(setup, "Utrace01", "01TRC" + UUID.randomUUID(), replyToken, "trace me")).isEqualTo(200);
        await("the reply", WAIT, () -> !lineMessagesFor(replyToken).isEmpty());
        await("the send's span", WAIT, () -> spanOf("send line", setup.channelId()).isPresent());

        SpanData send = spanOf("send line", setup.channelId()).orElseThrow();
        // a job's span ends after its handler's spans, when the runner has recorded the outcome
        await("the turn job's span", WAIT, () -> spans().stream().anyMatch(span ->
                span.getSpanId().equals(send.getParentSpanId())));
        SpanData turnJob = parentOf(send);
        SpanData llm = spans().stream().filter(span -> span.getName().startsWith("chat ")
                && span.getTraceId().equals(send.getTraceId())).findFirst().orElseThrow();
        SpanData webhook = parentOf(turnJob);

        assertThat(parentOf(llm).getSpanId()).isEqualTo(turnJob.getSpanId());
        assertThat(turnJob.getName()).isEqualTo("job inbound.turn");
        assertThat(turnJob.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(webhook.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(webhook.getName()).startsWith("POST");
        assertThat(webhook.getParentSpanContext().isValid()).isFalse();
        assertThat(llm.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(llm.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(llm.getAttributes().asMap()).containsValue(setup.botId()).containsValue("ok");
        assertThat(send.getAttributes().asMap()).containsValue("sent");
        assertThat(spans().stream().filter(span -> span.getTraceId().equals(send.getTraceId()))
                .flatMap(span -> span.getAttributes().asMap().values().stream()).map(String::valueOf))
                .as("no message text, token or secret in any attribute")
                .noneMatch(value -> value.contains("trace me") || value.contains("Traced reply")
                        || value.contains(replyToken) || value.contains("sk-e2e-key")
                        || value.contains("line-access-token-e2e") || value.contains("Utrace01"));
    }

    private List<SpanData> spans() {
        return exported.spans;
    }

    private Optional<SpanData> spanOf(String name, String channelId) {
        return spans().stream().filter(span -> span.getName().equals(name)
                && span.getAttributes().asMap().containsValue(channelId)).findFirst();
    }

    private SpanData parentOf(SpanData child) {
        assertThat(child.getParentSpanContext().isValid()).as("%s has a parent", child.getName()).isTrue();
        return spans().stream().filter(span -> span.getSpanId().equals(child.getParentSpanId())).findFirst()
                .orElseThrow(() -> new AssertionError("the parent of " + child.getName() + " was not exported; spans: "
                        + spans().stream().map(SpanData::getName).toList()));
    }
}
