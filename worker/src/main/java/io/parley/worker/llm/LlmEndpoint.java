package io.parley.worker.llm;

import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/**
 * Which model answers: the built-in demo, or an OpenAI-compatible server at {@code baseUrl} (a bot's own or the
 * platform default). {@code apiKey} is plaintext in memory only; {@link #toString()} never shows it.
 */
public record LlmEndpoint(String provider, String baseUrl, @Nullable String apiKey, String model) {

    public static final String DEMO = "demo";
    public static final String OPENAI_COMPATIBLE = "openai-compatible";

    public LlmEndpoint {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public static LlmEndpoint demo() {
        return new LlmEndpoint(DEMO, "demo:", null, DEMO);
    }

    public boolean isDemo() {
        return DEMO.equals(provider);
    }

    @Override
    public String toString() {
        return "LlmEndpoint[" + provider + ", " + baseUrl + ", " + model + (apiKey == null ? "" : ", key set") + "]";
    }
}
