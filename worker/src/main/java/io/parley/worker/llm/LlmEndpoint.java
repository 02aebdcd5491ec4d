package io.parley.worker.llm;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * Which model answers and how to reach it: the built-in demo, or a provider ({@link #PROVIDERS}) at {@code baseUrl}
 * (a bot's own or the platform default). {@code apiVersion} is Azure OpenAI's {@code api-version} (null for the
 * others); for Azure the {@code model} is the deployment's name. {@code apiKey} is plaintext in memory only;
 * {@link #toString()} never shows it.
 */
public record LlmEndpoint(String provider, String baseUrl, @Nullable String apiKey, String model,
                          @Nullable String apiVersion) {

    public static final String DEMO = "demo";
    public static final String OPENAI_COMPATIBLE = "openai-compatible";
    public static final String ANTHROPIC = "anthropic";
    public static final String GEMINI = "gemini";
    public static final String OLLAMA = "ollama";
    public static final String AZURE_OPENAI = "azure-openai";
    /** Every provider a bot (or the platform) may name. */
    public static final List<String> PROVIDERS = List.of(OPENAI_COMPATIBLE, ANTHROPIC, GEMINI, OLLAMA, AZURE_OPENAI,
            DEMO);

    public LlmEndpoint {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public LlmEndpoint(String provider, String baseUrl, @Nullable String apiKey, String model) {
        this(provider, baseUrl, apiKey, model, null);
    }

    public static LlmEndpoint demo() {
        return new LlmEndpoint(DEMO, "demo:", null, DEMO);
    }

    public boolean isDemo() {
        return DEMO.equals(provider);
    }

    /** The same endpoint answering with another model (e.g. a budget's cheaper model). */
    public LlmEndpoint withModel(String other) {
        return new LlmEndpoint(provider, baseUrl, apiKey, other, apiVersion);
    }

    @Override
    public String toString() {
        return "LlmEndpoint[" + provider + ", " + baseUrl + ", " + model + (apiKey == null ? "" : ", key set") + "]";
    }
}
