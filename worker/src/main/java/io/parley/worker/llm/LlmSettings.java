package io.parley.worker.llm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * {@code parley.llm.*}: the platform's default LLM (PARLEY_LLM_PROVIDER, PARLEY_LLM_BASE_URL, PARLEY_LLM_API_KEY,
 * PARLEY_LLM_MODEL, PARLEY_LLM_API_VERSION; no key and no bot key = the demo LLM, except Ollama which needs none) and
 * how hard a turn tries.
 *
 * @param provider          the platform default's wire protocol (one of {@link LlmEndpoint#PROVIDERS} but demo)
 * @param apiVersion        Azure OpenAI's api-version when the platform default is azure-openai
 * @param timeout           a call's default time budget when the bot sets none, retries included
 * @param lineReplyWindow   how long after a LINE webhook the answer must be ready: reply tokens live about one
 *                          minute (shared/protocols README §1.4), and the send itself needs a few seconds
 * @param minimumTimeout    a window with less left than this is given up on (the sender pushes instead of
 *                          replying), so a late job still gets a useful LLM budget
 * @param maxAttempts       attempts per call (1 + retries) while time remains
 * @param maxRetryAfter     a Retry-After above this means "do not retry" (the OpenAI SDK's rule: 120 s)
 * @param breakerWindow     calls the circuit breaker of one endpoint looks back on
 * @param breakerMinimumCalls calls before the breaker may open
 * @param breakerFailureRate percentage of failed calls that opens it
 * @param breakerOpenFor    how long it stays open before letting a trial call through
 */
@ConfigurationProperties("parley.llm")
public record LlmSettings(
        @Bindable(defaultValue = "openai-compatible")
        @Pattern(regexp = "openai-compatible|anthropic|gemini|ollama|azure-openai") String provider,
        @Bindable(defaultValue = "https://api.openai.com/v1") @NotBlank String baseUrl,
        @Nullable String apiKey,
        @Bindable(defaultValue = "gpt-4o-mini") @NotBlank String model,
        @Bindable(defaultValue = "20s") @NotNull Duration timeout,
        @Bindable(defaultValue = "45s") @NotNull Duration lineReplyWindow,
        @Bindable(defaultValue = "5s") @NotNull Duration minimumTimeout,
        @Bindable(defaultValue = "5s") @NotNull Duration connectTimeout,
        @Bindable(defaultValue = "3") @Min(1) @Max(10) int maxAttempts,
        @Bindable(defaultValue = "120s") @NotNull Duration maxRetryAfter,
        @Bindable(defaultValue = "20") @Min(1) int breakerWindow,
        @Bindable(defaultValue = "10") @Min(1) int breakerMinimumCalls,
        @Bindable(defaultValue = "50") @Min(1) @Max(100) int breakerFailureRate,
        @Bindable(defaultValue = "30s") @NotNull Duration breakerOpenFor,
        @Bindable(defaultValue = "2024-10-21") @NotBlank String apiVersion) {

    /** True when the platform has a key of its own for bots that bring none. */
    public boolean hasPlatformKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** True when bots that bring nothing of their own can use the platform's LLM (Ollama needs no key). */
    public boolean hasPlatformLlm() {
        return hasPlatformKey() || LlmEndpoint.OLLAMA.equals(provider);
    }

    /** The platform's default LLM; the model is the bot's when it names one. */
    public LlmEndpoint platformEndpoint(String modelOrNull) {
        String chosen = modelOrNull == null || modelOrNull.isBlank() ? model : modelOrNull;
        return new LlmEndpoint(provider, baseUrl, hasPlatformKey() ? apiKey : null, chosen,
                LlmEndpoint.AZURE_OPENAI.equals(provider) ? apiVersion : null);
    }

    @Override
    public String toString() {
        return "LlmSettings[" + provider + ", " + baseUrl + ", " + model + ", key " + (hasPlatformKey() ? "set" : "not set") + "]";
    }
}
