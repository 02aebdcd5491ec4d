package io.parley.worker.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * OpenAI-compatible chat completions through LangChain4j (request/response mapping, message types), with Parley's
 * own HTTP hook ({@link ProviderHttpClient}) for deadlines and Retry-After. LangChain4j's retries are off: the retry
 * policy needs the time budget and the circuit breaker, which live in {@link ResilientLlm}.
 */
@Singleton
final class OpenAiCompatibleLlm implements LlmClient {

    private final java.net.http.HttpClient jdkClient;
    private final ProviderHttpClient http;
    private final JsonMapper json;
    /** One model per endpoint and key; building one loads service providers, too slow for every turn. */
    private final Cache<ModelKey, ChatModel> models = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    OpenAiCompatibleLlm(LlmSettings settings, JsonMapper json) {
        this.jdkClient = java.net.http.HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.http = new ProviderHttpClient(jdkClient);
        this.json = json;
    }

    @Override
    public LlmReply chat(List<LlmMessage> messages, LlmCall call) {
        LlmEndpoint endpoint = call.endpoint();
        ChatModel model = models.get(new ModelKey(endpoint.baseUrl(), endpoint.apiKey()), this::build);
        ChatRequest request = ChatRequest.builder()
                .messages(messages.stream().map(OpenAiCompatibleLlm::toChatMessage).toList())
                .parameters(OpenAiChatRequestParameters.builder().modelName(endpoint.model())
                        .temperature(call.temperature()).maxOutputTokens(call.maxTokens()).build())
                .build();
        ChatResponse response;
        try {
            response = ScopedValue.where(ProviderHttpClient.DEADLINE, call.deadline()).call(() -> model.chat(request));
        } catch (RuntimeException e) {
            throw ProviderErrors.classify(e, json);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new LlmFailure(LlmOutcome.ERROR, "empty answer", true, false, null);
        }
        TokenUsage usage = response.tokenUsage();
        return new LlmReply(text.strip(), usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
    }

    private ChatModel build(ModelKey key) {
        return OpenAiChatModel.builder().baseUrl(key.baseUrl()).apiKey(key.apiKey())
                .httpClientBuilder(http.builder()).maxRetries(0).build();
    }

    private static ChatMessage toChatMessage(LlmMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.content());
            case USER -> UserMessage.from(message.content());
            case ASSISTANT -> AiMessage.from(message.content());
        };
    }

    @PreDestroy
    void close() {
        jdkClient.close();
    }

    /** The cache key; holds the plaintext key in memory only, never printed. */
    private record ModelKey(String baseUrl, String apiKey) {
        @Override
        public String toString() {
            return "ModelKey[" + baseUrl + "]";
        }
    }
}
