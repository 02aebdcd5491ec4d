package io.parley.worker.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.util.Map;

/**
 * Builds the LangChain4j model that speaks an endpoint's wire protocol, always on Parley's HTTP client and without
 * LangChain4j's own retries:
 * <ul>
 *   <li>openai-compatible: {@code POST {baseUrl}/chat/completions}, {@code Authorization: Bearer};</li>
 *   <li>azure-openai: the same body on {@code POST {baseUrl}/openai/deployments/{model}/chat/completions
 *       ?api-version=…} with an {@code api-key} header — the OpenAI module rather than langchain4j-azure-open-ai,
 *       which is not on the project's Maven mirror at 1.19 and would bring the whole Azure SDK for one URL shape;</li>
 *   <li>anthropic: {@code POST {baseUrl}/messages}, {@code x-api-key}, {@code anthropic-version};</li>
 *   <li>gemini: {@code POST {baseUrl}/models/{model}:generateContent}, {@code x-goog-api-key}.</li>
 * </ul>
 * Ollama is not here: {@link OllamaLlm}.
 */
final class ChatModels {

    /** Anthropic requires max_tokens; the bot's maxTokens overrides this per call. */
    static final int ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

    private ChatModels() {
    }

    static ChatModel build(LlmEndpoint endpoint, HttpClientBuilder http) {
        return switch (endpoint.provider()) {
            case LlmEndpoint.ANTHROPIC -> AnthropicChatModel.builder().baseUrl(endpoint.baseUrl())
                    .apiKey(endpoint.apiKey()).modelName(endpoint.model()).maxTokens(ANTHROPIC_DEFAULT_MAX_TOKENS)
                    .httpClientBuilder(http).maxRetries(0).build();
            case LlmEndpoint.GEMINI -> GoogleAiGeminiChatModel.builder().baseUrl(endpoint.baseUrl())
                    .apiKey(endpoint.apiKey()).modelName(endpoint.model()).httpClientBuilder(http).maxRetries(0)
                    .build();
            case LlmEndpoint.AZURE_OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(endpoint.baseUrl() + "/openai/deployments/" + endpoint.model())
                    .customHeaders(Map.of("api-key", endpoint.apiKey() == null ? "" : endpoint.apiKey()))
                    .customQueryParams(Map.of("api-version", endpoint.apiVersion()))
                    .httpClientBuilder(http).maxRetries(0).build();
            default -> OpenAiChatModel.builder().baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKey())
                    .httpClientBuilder(http).maxRetries(0).build();
        };
    }

    /**
     * The streaming twin of {@link #build} (docs/llm.md "Streaming"): the same URLs and headers with
     * {@code "stream": true} (OpenAI and Azure, with {@code stream_options.include_usage}), Anthropic's
     * {@code "stream": true} and Gemini's {@code :streamGenerateContent?alt=sse}, each answered with server-sent
     * events. LangChain4j never retries a stream.
     */
    static StreamingChatModel buildStreaming(LlmEndpoint endpoint, HttpClientBuilder http) {
        return switch (endpoint.provider()) {
            case LlmEndpoint.ANTHROPIC -> AnthropicStreamingChatModel.builder().baseUrl(endpoint.baseUrl())
                    .apiKey(endpoint.apiKey()).modelName(endpoint.model()).maxTokens(ANTHROPIC_DEFAULT_MAX_TOKENS)
                    .httpClientBuilder(http).build();
            case LlmEndpoint.GEMINI -> GoogleAiGeminiStreamingChatModel.builder().baseUrl(endpoint.baseUrl())
                    .apiKey(endpoint.apiKey()).modelName(endpoint.model()).httpClientBuilder(http).build();
            case LlmEndpoint.AZURE_OPENAI -> OpenAiStreamingChatModel.builder()
                    .baseUrl(endpoint.baseUrl() + "/openai/deployments/" + endpoint.model())
                    .customHeaders(Map.of("api-key", endpoint.apiKey() == null ? "" : endpoint.apiKey()))
                    .customQueryParams(Map.of("api-version", endpoint.apiVersion()))
                    .httpClientBuilder(http).build();
            default -> OpenAiStreamingChatModel.builder().baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKey())
                    .httpClientBuilder(http).build();
        };
    }
}
