package io.parley.worker.llm;

import io.parley.core.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Azure OpenAI (a deployment's chat completions with api-version and api-key) against a local fake. */
class AzureOpenAiLlmTest {

    private final FakeProvider azure = new FakeProvider();
    private final ProviderKit kit = new ProviderKit();
    private final LlmEndpoint endpoint = new LlmEndpoint(LlmEndpoint.AZURE_OPENAI, azure.url(), "azure-test-key",
            "mei-gpt4o", "2024-10-21");

    @AfterEach
    void stop() {
        azure.close();
        kit.close();
    }

    @Test
    void callsTheDeploymentWithTheApiVersionAndTheApiKeyHeaderNotABearer() {
        azure.then(FakeProvider.ok(Fixtures.text("openai-chat-response.json")));

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint));

        assertThat(reply.text()).isEqualTo("Hello! How can I help you today?");
        FakeProvider.Request request = azure.only();
        assertThat(request.pathAndQuery())
                .isEqualTo("/openai/deployments/mei-gpt4o/chat/completions?api-version=2024-10-21");
        assertThat(request.header("api-key")).isEqualTo("azure-test-key");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.json().get("messages").size()).isEqualTo(4);
    }

    @Test
    void toolCallsComeBackAsOnOpenAi() {
        azure.then(FakeProvider.ok(Fixtures.text("openai-chat-response-tool-call.json")
                        .replace("\"get_plan\"", "\"update_memory\"")),
                FakeProvider.ok(Fixtures.text("openai-chat-response.json")));

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint, ProviderKit.UPDATE_MEMORY));

        assertThat(reply.toolCalls()).extracting(LlmToolCall::name).containsExactly("update_memory");
        assertThat(azure.requests().get(0).body()).contains("\"tools\"");
    }

    @Test
    void aTokenRateLimitIsRetriedAfterRetryAfterMs() {
        azure.then(FakeProvider.error(429, """
                {"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure \
                OpenAI API version 2024-10-21 have exceeded token rate limit of your current tier."}}""",
                Map.of("retry-after-ms", "300", "retry-after", "1")),
                FakeProvider.ok(Fixtures.text("openai-chat-response.json")));

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint));

        assertThat(reply.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(azure.requests()).hasSize(2);
    }

    @Test
    void contextTooLongAndAWrongKeyAreNotRetried() {
        azure.then(FakeProvider.error(400, """
                {"error":{"message":"This model's maximum context length is 128000 tokens.",\
                "type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}"""));
        LlmFailure tooLong = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));
        azure.then(FakeProvider.error(401, """
                {"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API \
                endpoint."}}"""));
        LlmFailure wrongKey = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));

        assertThat(tooLong.getMessage()).isEqualTo("HTTP 400 context_length_exceeded");
        assertThat(wrongKey.credentialsRejected()).isTrue();
        assertThat(azure.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAreRetried() {
        azure.then(FakeProvider.error(500, Fixtures.text("openai-error-500.json")),
                FakeProvider.ok(Fixtures.text("openai-chat-response.json")));

        assertThat(kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)).text())
                .isEqualTo("Hello! How can I help you today?");
        assertThat(azure.requests()).hasSize(2);
    }
}
