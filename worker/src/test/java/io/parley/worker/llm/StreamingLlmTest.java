package io.parley.worker.llm;

import io.micronaut.json.tree.JsonNode;
import io.parley.core.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Streamed answers ({@code "stream": true}, docs/llm.md "Streaming") against local fakes answering with the
 * protocols' server-sent events: the pieces reach the listener as they come, the call still returns the whole
 * answer with its usage, an error inside a stream fails the call, and a retry starts the pieces over.
 */
public class StreamingLlmTest {

    /** An Anthropic Messages stream (event names and shapes as in Anthropic's streaming documentation). */
    public static final String ANTHROPIC_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":31,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type":"ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Nice to meet"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" you, Mei!"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":8}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    /** A Gemini stream (streamGenerateContent with alt=sse): each event a partial GenerateContentResponse. */
    static final String GEMINI_STREAM = """
            data: {"candidates":[{"content":{"parts":[{"text":"Nice to meet"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":27,"candidatesTokenCount":3,"totalTokenCount":30},"modelVersion":"gemini-2.0-flash"}

            data: {"candidates":[{"content":{"parts":[{"text":" you, Mei!"}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":27,"candidatesTokenCount":7,"totalTokenCount":34},"modelVersion":"gemini-2.0-flash"}

            """;

    private final FakeProvider provider = new FakeProvider();
    private final ProviderKit kit = new ProviderKit();
    private final List<String> pieces = new CopyOnWriteArrayList<>();
    private final LlmTokens tokens = new LlmTokens() {
        @Override
        public void token(String text) {
            pieces.add(text);
        }

        @Override
        public void restart() {
            pieces.add("<restart>");
        }
    };

    private LlmEndpoint openAi() {
        return new LlmEndpoint(LlmEndpoint.OPENAI_COMPATIBLE, provider.url() + "/v1", "sk-test", "gpt-4o-mini");
    }

    @AfterEach
    void stop() {
        provider.close();
        kit.close();
    }

    @Test
    void anOpenAiCompatibleAnswerArrivesPieceByPieceAndIsReturnedWholeWithItsUsage() {
        provider.then(FakeProvider.ok(Fixtures.text("openai-chat-stream-include-usage.sse")));
        LlmEndpoint endpoint = openAi();

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint), tokens);

        assertThat(pieces).containsExactly("Hello", "! How can", " I help?");
        assertThat(reply.text()).isEqualTo("Hello! How can I help?");
        assertThat(reply.promptTokens()).isEqualTo(28);
        assertThat(reply.completionTokens()).isEqualTo(7);
        JsonNode body = provider.only().json();
        assertThat(provider.only().pathAndQuery()).isEqualTo("/v1/chat/completions");
        assertThat(body.get("stream").getBooleanValue()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").getBooleanValue()).isTrue();
    }

    @Test
    void withoutAListenerTheSameCallIsNotStreamed() {
        provider.then(FakeProvider.ok(Fixtures.text("openai-chat-response.json")));
        LlmEndpoint endpoint = openAi();

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint), null);

        assertThat(reply.text()).isEqualTo("Hello! How can I help you today?");
        JsonNode stream = provider.only().json().get("stream");
        assertThat(stream == null || !stream.getBooleanValue()).as("stream absent or false").isTrue();
    }

    @Test
    void anErrorInsideTheStreamFailsTheAttemptAndTheRetryStartsThePiecesOver() {
        provider.then(FakeProvider.ok(Fixtures.text("openai-chat-stream-midstream-error.sse")),
                FakeProvider.ok(Fixtures.text("openai-chat-stream-include-usage.sse")));
        LlmEndpoint endpoint = openAi();

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint), tokens);

        assertThat(pieces).containsExactly("Hel", "<restart>", "Hello", "! How can", " I help?");
        assertThat(reply.text()).as("the partial text never passes for an answer").isEqualTo("Hello! How can I help?");
        assertThat(provider.requests()).hasSize(2);
    }

    @Test
    void aStreamThatOnlyEverFailsEndsInAFailureNotInItsPartialText() {
        provider.then(FakeProvider.ok(Fixtures.text("openai-chat-stream-midstream-error.sse")),
                FakeProvider.ok(Fixtures.text("openai-chat-stream-midstream-error.sse")));
        LlmEndpoint endpoint = openAi();

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint), tokens));

        assertThat(failure.outcome()).isEqualTo(LlmOutcome.ERROR);
        assertThat(failure.getMessage()).contains("500");
    }

    @Test
    void anAnthropicAnswerIsStreamedWithItsUsage() {
        provider.then(FakeProvider.ok(ANTHROPIC_STREAM));
        LlmEndpoint endpoint = new LlmEndpoint(LlmEndpoint.ANTHROPIC, provider.url() + "/v1", "sk-ant-test-key",
                "claude-sonnet-4-5");

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint), tokens);

        assertThat(pieces).containsExactly("Nice to meet", " you, Mei!");
        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(reply.promptTokens()).isEqualTo(31);
        assertThat(reply.completionTokens()).isEqualTo(8);
        assertThat(provider.only().pathAndQuery()).isEqualTo("/v1/messages");
        assertThat(provider.only().json().get("stream").getBooleanValue()).isTrue();
    }

    @Test
    void aGeminiAnswerIsStreamedWithItsUsage() {
        provider.then(FakeProvider.ok(GEMINI_STREAM));
        LlmEndpoint endpoint = new LlmEndpoint(LlmEndpoint.GEMINI, provider.url() + "/v1beta", "AIza-test-key",
                "gemini-2.0-flash");

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint), tokens);

        assertThat(pieces).containsExactly("Nice to meet", " you, Mei!");
        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(reply.promptTokens()).isEqualTo(27);
        assertThat(reply.completionTokens()).isEqualTo(7);
        assertThat(provider.only().pathAndQuery())
                .isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
    }
}
