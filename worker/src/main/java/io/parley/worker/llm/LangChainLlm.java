package io.parley.worker.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The providers LangChain4j speaks — OpenAI-compatible chat completions, Azure OpenAI (the same wire format on a
 * deployment URL), Anthropic Messages and Gemini generateContent ({@link ChatModels}) — with Parley's own HTTP hook
 * ({@link ProviderHttpClient}) for deadlines and Retry-After. LangChain4j's retries are off: the retry policy needs
 * the time budget and the circuit breaker, which live in {@link ResilientLlm}.
 *
 * <p>Tools ({@link LlmCall#tools()}) go out in each provider's shape (OpenAI {@code tools}, Anthropic
 * {@code tools[].input_schema}, Gemini {@code functionDeclarations}) with an "auto" choice; the model's calls come
 * back in {@link LlmReply#toolCalls()}. An answer with tool calls and no text gets the follow-up the protocols
 * expect: the calls and a result per call are sent back and the model answers in text.
 */
@Singleton
final class LangChainLlm implements LlmClient {

    /** What each tool call "returned", for the follow-up: the caller applies the calls after the turn. */
    static final String TOOL_RESULT = "{\"saved\":true}";

    private final java.net.http.HttpClient jdkClient;
    private final ProviderHttpClient http;
    private final JsonMapper json;
    /** One model per endpoint and key; building one loads service providers, too slow for every turn. */
    private final Cache<ModelKey, ChatModel> models = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    private final Cache<ModelKey, StreamingChatModel> streamingModels = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    LangChainLlm(LlmSettings settings, JsonMapper json) {
        this.jdkClient = java.net.http.HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.http = new ProviderHttpClient(jdkClient);
        this.json = json;
    }

    @Override
    public LlmReply chat(List<LlmMessage> messages, LlmCall call) {
        return chat(messages, call, null);
    }

    /** With {@code tokens}, each request is streamed ({@link ChatModels#buildStreaming}); the reply is the same. */
    @Override
    public LlmReply chat(List<LlmMessage> messages, LlmCall call, @Nullable LlmTokens tokens) {
        LlmEndpoint endpoint = call.endpoint();
        ModelKey modelKey = new ModelKey(endpoint.provider(), endpoint.baseUrl(), endpoint.apiKey(),
                endpoint.model(), endpoint.apiVersion());
        Asker model;
        if (tokens == null) {
            ChatModel whole = models.get(modelKey, key -> ChatModels.build(key.endpoint(), http.builder()));
            model = whole::chat;
        } else {
            StreamingChatModel streaming = streamingModels.get(modelKey,
                    key -> ChatModels.buildStreaming(key.endpoint(), http.builder()));
            model = request -> StreamedAnswer.read(streaming, request, call.deadline(), tokens);
        }
        List<ChatMessage> prompt = new ArrayList<>(messages.stream().map(LangChainLlm::toChatMessage).toList());
        List<ToolSpecification> tools = call.tools().stream().map(tool -> ToolSpecification.builder()
                .name(tool.name()).description(tool.description()).parameters(tool.parameters()).build()).toList();
        ChatResponse response = ask(model, prompt, call, tools, tools.isEmpty() ? null : ToolChoice.AUTO);
        AiMessage answer = response.aiMessage();
        List<LlmToolCall> toolCalls = answer == null || !answer.hasToolExecutionRequests() ? List.of()
                : answer.toolExecutionRequests().stream().map(request -> new LlmToolCall(request.id(),
                        request.name(), request.arguments() == null ? "" : request.arguments())).toList();
        int promptTokens = input(response.tokenUsage());
        int completionTokens = output(response.tokenUsage());
        String text = answer == null ? null : answer.text();
        if ((text == null || text.isBlank()) && answer != null && answer.hasToolExecutionRequests()) {
            // Tool calls only: the protocol's follow-up — the calls and their results go back, and the model
            // answers in text (tool_choice "none": it may not call again). One more request, billed as such.
            prompt.add(answer);
            answer.toolExecutionRequests().forEach(request ->
                    prompt.add(ToolExecutionResultMessage.from(request, TOOL_RESULT)));
            ChatResponse followUp = ask(model, prompt, call, tools, ToolChoice.NONE);
            text = followUp.aiMessage() == null ? null : followUp.aiMessage().text();
            promptTokens += input(followUp.tokenUsage());
            completionTokens += output(followUp.tokenUsage());
        }
        if (text == null || text.isBlank()) {
            throw new LlmFailure(LlmOutcome.ERROR, "empty answer", true, false, null);
        }
        return new LlmReply(text.strip(), promptTokens, completionTokens, toolCalls);
    }

    private ChatResponse ask(Asker model, List<ChatMessage> prompt, LlmCall call, List<ToolSpecification> tools,
                             ToolChoice choice) {
        DefaultChatRequestParameters.Builder<?> parameters = ChatRequestParameters.builder()
                .modelName(call.endpoint().model()).temperature(call.temperature())
                .maxOutputTokens(call.maxTokens());
        if (!tools.isEmpty()) {
            parameters.toolSpecifications(tools).toolChoice(choice);
        }
        ChatRequest request = ChatRequest.builder().messages(prompt).parameters(parameters.build()).build();
        try {
            return ScopedValue.where(ProviderHttpClient.DEADLINE, call.deadline()).call(() -> model.chat(request));
        } catch (LlmFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProviderErrors.classify(e, json);
        }
    }

    private static int input(TokenUsage usage) {
        return usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    }

    private static int output(TokenUsage usage) {
        return usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    }

    private static ChatMessage toChatMessage(LlmMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.content());
            case USER -> UserMessage.from(message.content());
            case ASSISTANT -> AiMessage.from(message.content());
        };
    }

    /** One request to the provider, whole or streamed. */
    @FunctionalInterface
    private interface Asker {
        ChatResponse chat(ChatRequest request);
    }

    @PreDestroy
    void close() {
        jdkClient.close();
    }

    /** The cache key; holds the plaintext key in memory only, never printed. */
    private record ModelKey(String provider, String baseUrl, String apiKey, String model, String apiVersion) {

        LlmEndpoint endpoint() {
            return new LlmEndpoint(provider, baseUrl, apiKey, model, apiVersion);
        }

        @Override
        public String toString() {
            return "ModelKey[" + provider + ", " + baseUrl + "]";
        }
    }
}
