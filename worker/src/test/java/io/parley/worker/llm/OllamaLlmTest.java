package io.parley.worker.llm;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Ollama's native chat (POST /api/chat, stream false) against a local fake speaking it. */
class OllamaLlmTest {

    static final String TEXT = """
            {"model":"llama3.2","created_at":"2026-12-07T13:00:00.000Z",
             "message":{"role":"assistant","content":"Nice to meet you, Mei!"},"done_reason":"stop","done":true,
             "total_duration":4883583458,"load_duration":1334875,"prompt_eval_count":26,
             "prompt_eval_duration":342546000,"eval_count":9,"eval_duration":4535599000}""";
    static final String TOOL_CALLS = """
            {"model":"llama3.2","created_at":"2026-12-07T13:00:00.000Z",
             "message":{"role":"assistant","content":"",
                        "tool_calls":[{"function":{"name":"update_memory","arguments":{"name":"Mei"}}}]},
             "done_reason":"stop","done":true,"prompt_eval_count":30,"eval_count":11}""";

    private final FakeProvider ollama = new FakeProvider();
    private final ProviderKit kit = new ProviderKit();
    private final LlmEndpoint endpoint = new LlmEndpoint(LlmEndpoint.OLLAMA, ollama.url(), null, "llama3.2");

    @AfterEach
    void stop() {
        ollama.close();
        kit.close();
    }

    @Test
    void sendsTheWholeChatUnstreamedWithOptionsAndNoKey() {
        ollama.then(FakeProvider.ok(TEXT));

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint));

        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(reply.promptTokens()).isEqualTo(26);
        assertThat(reply.completionTokens()).isEqualTo(9);
        FakeProvider.Request request = ollama.only();
        assertThat(request.pathAndQuery()).isEqualTo("/api/chat");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = request.json();
        assertThat(body.get("model").getStringValue()).isEqualTo("llama3.2");
        assertThat(body.get("stream").getBooleanValue()).isFalse();
        assertThat(body.get("options").get("num_predict").getNumberValue().intValue()).isEqualTo(300);
        assertThat(body.get("options").get("temperature").getNumberValue().doubleValue()).isEqualTo(0.5);
        JsonNode messages = body.get("messages");
        assertThat(messages.size()).isEqualTo(4);
        assertThat(messages.get(0).get("role").getStringValue()).isEqualTo("system");
        assertThat(messages.get(3).get("content").getStringValue()).isEqualTo("Remember my name");
        assertThat(body.get("tools")).isNull();
    }

    @Test
    void offersUpdateMemoryAsAFunctionAndSendsAToolMessageBackWithoutTools() {
        ollama.then(FakeProvider.ok(TOOL_CALLS), FakeProvider.ok(TEXT));

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint, ProviderKit.UPDATE_MEMORY));

        assertThat(reply.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("update_memory");
            assertThat(call.arguments()).isEqualTo("{\"name\":\"Mei\"}");
        });
        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(reply.promptTokens()).isEqualTo(30 + 26);
        JsonNode tool = ollama.requests().get(0).json().get("tools").get(0);
        assertThat(tool.get("type").getStringValue()).isEqualTo("function");
        assertThat(tool.get("function").get("name").getStringValue()).isEqualTo("update_memory");
        assertThat(tool.get("function").get("parameters").get("properties").get("name")).isNotNull();
        JsonNode followUp = ollama.requests().get(1).json();
        assertThat(followUp.get("tools")).isNull();
        JsonNode messages = followUp.get("messages");
        assertThat(messages.get(messages.size() - 1).get("role").getStringValue()).isEqualTo("tool");
    }

    @Test
    void aModelWithoutToolsIsABadRequestSoTheTurnFallsBackToTheJsonBlock() {
        ollama.then(FakeProvider.error(400, """
                {"error":"registry.ollama.ai/library/gemma:2b does not support tools"}"""));

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint, ProviderKit.UPDATE_MEMORY)));

        assertThat(failure.badRequest()).isTrue();
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void aBusyServerIsRetriedAndAnUnknownModelIsNot() {
        ollama.then(FakeProvider.error(503, """
                {"error":"server busy, please try again.  maximum pending requests exceeded"}"""),
                FakeProvider.ok(TEXT));
        assertThat(kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)).text())
                .isEqualTo("Nice to meet you, Mei!");

        ollama.then(FakeProvider.error(404, """
                {"error":"model \\"llama9\\" not found, try pulling it first"}"""));
        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));

        assertThat(failure.getMessage()).isEqualTo("HTTP 404");
        assertThat(failure.retryable()).isFalse();
        assertThat(ollama.requests()).hasSize(3);
    }

    @Test
    void aStoppedServerIsAConnectionErrorAgainstTheEndpoint() {
        ollama.close();

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));

        assertThat(failure.getMessage()).startsWith("connection failed");
        assertThat(failure.endpointFault()).isTrue();
    }
}
