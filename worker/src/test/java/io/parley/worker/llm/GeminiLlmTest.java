package io.parley.worker.llm;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Gemini's generateContent (POST /v1beta/models/{model}:generateContent) against a local fake speaking it. */
public class GeminiLlmTest {

    public static final String TEXT = """
            {"candidates":[{"content":{"parts":[{"text":"Nice to meet you, Mei!"}],"role":"model"},
              "finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":27,"candidatesTokenCount":7,"totalTokenCount":34},
             "modelVersion":"gemini-2.0-flash"}""";
    static final String FUNCTION_CALL = """
            {"candidates":[{"content":{"parts":[{"functionCall":{"name":"update_memory","args":{"name":"Mei"}}}],
              "role":"model"},"finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":35,"candidatesTokenCount":5,"totalTokenCount":40}}""";

    private final FakeProvider gemini = new FakeProvider();
    private final ProviderKit kit = new ProviderKit();
    private final LlmEndpoint endpoint = new LlmEndpoint(LlmEndpoint.GEMINI, gemini.url() + "/v1beta",
            "AIza-test-key", "gemini-2.0-flash");

    @AfterEach
    void stop() {
        gemini.close();
        kit.close();
    }

    @Test
    void sendsContentsWithUserAndModelRolesAndTheSystemInstructionWithTheKeyHeader() {
        gemini.then(FakeProvider.ok(TEXT));

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint));

        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(reply.promptTokens()).isEqualTo(27);
        assertThat(reply.completionTokens()).isEqualTo(7);
        FakeProvider.Request request = gemini.only();
        assertThat(request.pathAndQuery()).isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
        assertThat(request.header("x-goog-api-key")).isEqualTo("AIza-test-key");
        JsonNode body = request.json();
        assertThat(body.get("systemInstruction").get("parts").get(0).get("text").getStringValue())
                .isEqualTo("You are Mei's companion.");
        JsonNode contents = body.get("contents");
        assertThat(contents.size()).isEqualTo(3);
        assertThat(contents.get(0).get("role").getStringValue()).isEqualTo("user");
        assertThat(contents.get(1).get("role").getStringValue()).isEqualTo("model");
        assertThat(contents.get(2).get("parts").get(0).get("text").getStringValue()).isEqualTo("Remember my name");
        assertThat(body.get("generationConfig").get("maxOutputTokens").getNumberValue().intValue()).isEqualTo(300);
    }

    @Test
    void offersUpdateMemoryAsAFunctionDeclarationAndSendsTheFunctionResponseBack() {
        gemini.then(FakeProvider.ok(FUNCTION_CALL), FakeProvider.ok(TEXT));

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint, ProviderKit.UPDATE_MEMORY));

        assertThat(reply.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("update_memory");
            assertThat(call.arguments()).contains("Mei");
        });
        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(gemini.requests().get(0).body()).contains("\"functionDeclarations\"").contains("update_memory");
        assertThat(gemini.requests().get(1).body()).contains("\"functionResponse\"");
    }

    @Test
    void resourceExhaustedIsARateLimitRetriedAfterTheRetryInfoDelay() {
        gemini.then(FakeProvider.error(429, """
                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).",
                  "status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo",
                  "retryDelay":"1s"}]}}"""), FakeProvider.ok(TEXT));

        long start = System.nanoTime();
        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint));

        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void anOverloadedModelIsRetriedAndCountsAgainstTheEndpoint() {
        String unavailable = """
                {"error":{"code":503,"message":"The model is overloaded. Please try again later.",
                  "status":"UNAVAILABLE"}}""";
        gemini.then(FakeProvider.error(503, unavailable), FakeProvider.error(503, unavailable));

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));

        assertThat(gemini.requests()).hasSize(2);
        assertThat(failure.getMessage()).isEqualTo("HTTP 503 UNAVAILABLE");
        assertThat(failure.endpointFault()).isTrue();
    }

    @Test
    void tooManyInputTokensIsContextTooLongAndNotRetried() {
        gemini.then(FakeProvider.error(400, """
                {"error":{"code":400,"message":"The input token count (1250000) exceeds the maximum number of \
                tokens allowed (1048576).","status":"INVALID_ARGUMENT"}}"""));

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));

        assertThat(failure.getMessage()).isEqualTo("HTTP 400 context_length_exceeded");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.credentialsRejected()).isFalse();
    }

    @Test
    void anInvalidKeyAnswered400IsStillARejectedKey() {
        gemini.then(FakeProvider.error(400, """
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.",
                  "status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",
                  "reason":"API_KEY_INVALID","domain":"googleapis.com",
                  "metadata":{"service":"generativelanguage.googleapis.com"}}]}}"""));

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));

        assertThat(failure.credentialsRejected()).isTrue();
        assertThat(failure.retryable()).isFalse();
        assertThat(gemini.requests()).hasSize(1);
    }
}
