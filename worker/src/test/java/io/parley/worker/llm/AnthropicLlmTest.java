package io.parley.worker.llm;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Anthropic's Messages API (POST /v1/messages) against a local fake speaking it. */
public class AnthropicLlmTest {

    public static final String TEXT = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"text","text":"Nice to meet you, Mei!"}],"stop_reason":"end_turn",
             "stop_sequence":null,"usage":{"input_tokens":31,"output_tokens":8}}""";
    static final String TOOL_USE = """
            {"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"update_memory",
                         "input":{"name":"Mei"}}],
             "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":40,"output_tokens":12}}""";

    private final FakeProvider anthropic = new FakeProvider();
    private final ProviderKit kit = new ProviderKit();
    private final LlmEndpoint endpoint = new LlmEndpoint(LlmEndpoint.ANTHROPIC, anthropic.url() + "/v1",
            "sk-ant-test-key", "claude-sonnet-4-5");

    @AfterEach
    void stop() {
        anthropic.close();
        kit.close();
    }

    @Test
    void sendsTheSystemPromptApartAndTheTurnsAsMessagesWithTheKeyAndVersionHeaders() {
        anthropic.then(FakeProvider.ok(TEXT));

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint));

        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(reply.promptTokens()).isEqualTo(31);
        assertThat(reply.completionTokens()).isEqualTo(8);
        FakeProvider.Request request = anthropic.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("sk-ant-test-key");
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = request.json();
        assertThat(body.get("model").getStringValue()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.get("max_tokens").getNumberValue().intValue()).isEqualTo(300);
        assertThat(body.get("temperature").getNumberValue().doubleValue()).isEqualTo(0.5);
        assertThat(request.body()).contains("You are Mei's companion.");
        JsonNode messages = body.get("messages");
        assertThat(messages.size()).as("the system prompt is not a message").isEqualTo(3);
        assertThat(messages.get(0).get("role").getStringValue()).isEqualTo("user");
        assertThat(messages.get(1).get("role").getStringValue()).isEqualTo("assistant");
    }

    @Test
    void offersUpdateMemoryAsAToolAndSendsTheToolResultBackForTheTextAnswer() {
        anthropic.then(FakeProvider.ok(TOOL_USE), FakeProvider.ok(TEXT));

        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint, ProviderKit.UPDATE_MEMORY));

        assertThat(reply.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("update_memory");
            assertThat(call.arguments()).contains("\"name\"").contains("Mei");
        });
        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(reply.promptTokens()).isEqualTo(40 + 31);
        JsonNode tool = anthropic.requests().get(0).json().get("tools").get(0);
        assertThat(tool.get("name").getStringValue()).isEqualTo("update_memory");
        assertThat(tool.get("input_schema").get("properties").get("name")).isNotNull();
        String followUp = anthropic.requests().get(1).body();
        assertThat(followUp).contains("\"tool_result\"").contains("toolu_01A09q90qw90lq917835lq9");
    }

    @Test
    void aRateLimitIsRetriedAfterTheAdvisedDelay() {
        anthropic.then(FakeProvider.error(429, """
                {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded \
                your per-minute rate limit"}}""", Map.of("retry-after", "1")), FakeProvider.ok(TEXT));

        long start = System.nanoTime();
        LlmReply reply = kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint));

        assertThat(reply.text()).isEqualTo("Nice to meet you, Mei!");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(anthropic.requests()).hasSize(2);
    }

    @Test
    void overloaded529AndServerErrorsAreRetriedAndCountAgainstTheEndpoint() {
        anthropic.then(FakeProvider.error(529, """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""),
                FakeProvider.error(500, """
                {"type":"error","error":{"type":"api_error","message":"Internal server error"}}"""));

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));

        assertThat(anthropic.requests()).as("the 529 was retried").hasSize(2);
        assertThat(failure.getMessage()).isEqualTo("HTTP 500 api_error");
        assertThat(failure.endpointFault()).isTrue();
        anthropic.then(FakeProvider.error(529, """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));
        LlmFailure overloaded = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));
        assertThat(overloaded.getMessage()).isEqualTo("HTTP 529 overloaded_error");
        assertThat(overloaded.retryable()).isTrue();
    }

    @Test
    void aPromptTooLongIsTheTenantsAndNotRetried() {
        anthropic.then(FakeProvider.error(400, """
                {"type":"error","error":{"type":"invalid_request_error",\
                "message":"prompt is too long: 208310 tokens > 200000 maximum"}}"""));

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));

        assertThat(failure.getMessage()).isEqualTo("HTTP 400 context_length_exceeded");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.endpointFault()).isFalse();
        assertThat(anthropic.requests()).hasSize(1);
    }

    @Test
    void anAccountOutOfCreditsIsTheTenantsQuota() {
        anthropic.then(FakeProvider.error(400, """
                {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low \
                to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}"""));

        LlmFailure failure = catchThrowableOfType(LlmFailure.class,
                () -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)));

        assertThat(failure.outcome()).isEqualTo(LlmOutcome.QUOTA);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void anInvalidKeyIsRejectedCredentialsWithoutRetry() {
        anthropic.then(FakeProvider.error(401, """
                {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"""));

        assertThatThrownBy(() -> kit.llm.chat(ProviderKit.PROMPT, ProviderKit.call(endpoint)))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.credentialsRejected()).isTrue();
                    assertThat(failure.getMessage()).isEqualTo("HTTP 401 authentication_error")
                            .doesNotContain("sk-ant");
                });
        assertThat(anthropic.requests()).hasSize(1);
    }
}
