package io.parley.worker.llm;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Ollama's native chat ({@code POST {baseUrl}/api/chat}, {@code "stream": false}), written by hand because
 * langchain4j-ollama is not published at the project's LangChain4j version (1.19) on its Maven mirror, and mixing
 * 1.18 modules with a 1.19 core risks binary mismatches; the protocol is one small JSON request. It rides on the same
 * {@link ProviderHttpClient} (deadline, Retry-After, error bodies) as the LangChain4j providers.
 *
 * <p>Tools go out as {@code tools[].function}; a model without tool support answers 400, and the turn falls back to
 * its JSON block. Tool calls without text get the follow-up: the calls and a {@code tool} message per call go
 * back without tools, and the model answers in text.
 */
@Singleton
final class OllamaLlm implements LlmClient {

    private final java.net.http.HttpClient jdkClient;
    private final ProviderHttpClient http;
    private final JsonMapper json;

    OllamaLlm(LlmSettings settings, JsonMapper json) {
        this.jdkClient = java.net.http.HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.http = new ProviderHttpClient(jdkClient);
        this.json = json;
    }

    @Override
    public LlmReply chat(List<LlmMessage> messages, LlmCall call) {
        List<Object> prompt = new ArrayList<>();
        messages.forEach(message -> prompt.add(Map.of("role", message.role().name().toLowerCase(java.util.Locale.ROOT),
                "content", message.content())));
        JsonNode answer = ask(prompt, call, true);
        JsonNode message = answer.get("message");
        List<LlmToolCall> toolCalls = toolCalls(message);
        int promptTokens = count(answer, "prompt_eval_count");
        int completionTokens = count(answer, "eval_count");
        String text = text(message);
        if (text.isBlank() && !toolCalls.isEmpty()) {
            Map<String, Object> said = new LinkedHashMap<>();
            said.put("role", "assistant");
            said.put("content", "");
            said.put("tool_calls", message.get("tool_calls"));
            prompt.add(said);
            toolCalls.forEach(toolCall -> prompt.add(Map.of("role", "tool", "tool_name", toolCall.name(),
                    "content", LangChainLlm.TOOL_RESULT)));
            JsonNode followUp = ask(prompt, call, false);
            text = text(followUp.get("message"));
            promptTokens += count(followUp, "prompt_eval_count");
            completionTokens += count(followUp, "eval_count");
        }
        if (text.isBlank()) {
            throw new LlmFailure(LlmOutcome.ERROR, "empty answer", true, false, null);
        }
        return new LlmReply(text.strip(), promptTokens, completionTokens, toolCalls);
    }

    private JsonNode ask(List<Object> prompt, LlmCall call, boolean offerTools) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", call.endpoint().model());
        body.put("messages", prompt);
        body.put("stream", false);
        Map<String, Object> options = new LinkedHashMap<>();
        if (call.temperature() != null) {
            options.put("temperature", call.temperature());
        }
        if (call.maxTokens() != null) {
            options.put("num_predict", call.maxTokens());
        }
        if (!options.isEmpty()) {
            body.put("options", options);
        }
        if (offerTools && !call.tools().isEmpty()) {
            body.put("tools", call.tools().stream().map(tool -> Map.of("type", "function", "function", Map.of(
                    "name", tool.name(), "description", tool.description(),
                    "parameters", JsonSchemaElementUtils.toMap(tool.parameters())))).toList());
        }
        try {
            HttpRequest.Builder request = HttpRequest.builder().method(HttpMethod.POST)
                    .url(call.endpoint().baseUrl() + "/api/chat")
                    .addHeader("Content-Type", "application/json")
                    .body(json.writeValueAsString(body));
            if (call.endpoint().apiKey() != null) {
                request.addHeader("Authorization", "Bearer " + call.endpoint().apiKey()); // a proxy in front
            }
            SuccessfulHttpResponse response = ScopedValue.where(ProviderHttpClient.DEADLINE, call.deadline())
                    .call(() -> http.execute(request.build()));
            JsonNode root = json.readValue(response.body(), JsonNode.class);
            if (root == null || !root.isObject() || root.get("message") == null) {
                throw new IllegalStateException("no message");
            }
            return root;
        } catch (IOException | RuntimeException e) {
            throw ProviderErrors.classify(e, json);
        }
    }

    private List<LlmToolCall> toolCalls(JsonNode message) {
        JsonNode calls = message == null ? null : message.get("tool_calls");
        if (calls == null || !calls.isArray()) {
            return List.of();
        }
        List<LlmToolCall> found = new ArrayList<>();
        int index = 0;
        for (JsonNode call : calls.values()) {
            JsonNode function = call.get("function");
            if (function == null || function.get("name") == null) {
                continue;
            }
            JsonNode arguments = function.get("arguments");
            String text;
            try {
                text = arguments == null ? "" : arguments.isString() ? arguments.getStringValue()
                        : json.writeValueAsString(arguments);
            } catch (IOException e) {
                text = "";
            }
            found.add(new LlmToolCall("call_" + index++, function.get("name").getStringValue(), text));
        }
        return found;
    }

    private static String text(JsonNode message) {
        JsonNode content = message == null ? null : message.get("content");
        return content == null || !content.isString() ? "" : content.getStringValue();
    }

    private static int count(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        return value == null || !value.isNumber() ? 0 : value.getNumberValue().intValue();
    }

    @PreDestroy
    void close() {
        jdkClient.close();
    }
}
