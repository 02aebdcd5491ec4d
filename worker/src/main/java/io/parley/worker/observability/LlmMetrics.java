package io.parley.worker.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.core.observability.Buckets;
import io.parley.worker.llm.LlmEndpoint;
import io.parley.worker.llm.LlmOutcome;
import io.parley.worker.llm.LlmSettings;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * What the LLM did for turns (docs/operations/observability.md, "LLM"): each call's time (retries and backoff
 * included — what the contact waited) by provider, endpoint and outcome, and the tokens it used.
 *
 * <p>{@code endpoint} is {@code platform} for the platform's own base URL ({@code PARLEY_LLM_BASE_URL}, the account
 * the operator pays for), {@code bot} for a base URL a tenant set on a bot, {@code demo} for the built-in demo: never
 * the URL itself, nor the model, which tenants choose freely and would make the series unbounded.
 */
@Singleton
public final class LlmMetrics {

    private final MeterRegistry registry;
    private final String platformBaseUrl;

    LlmMetrics(MeterRegistry registry, LlmSettings settings) {
        this.registry = registry;
        this.platformBaseUrl = settings.baseUrl().replaceAll("/+$", ""); // as LlmEndpoint keeps it
    }

    public void call(LlmEndpoint endpoint, LlmOutcome outcome, Duration took, int promptTokens, int completionTokens) {
        String provider = endpoint.provider();
        String which = endpoint(endpoint);
        Timer.builder("parley.llm.calls")
                .description("LLM calls made for turns, retries included, by provider, endpoint and outcome")
                .tag("provider", provider).tag("endpoint", which).tag("outcome", outcome.wireName())
                .serviceLevelObjectives(Buckets.PROVIDER)
                .register(registry).record(took);
        tokens(provider, which, "prompt", promptTokens);
        tokens(provider, which, "completion", completionTokens);
    }

    private void tokens(String provider, String endpoint, String type, int count) {
        if (count > 0) {
            Counter.builder("parley.llm.tokens").description("Tokens the LLM reported, by type")
                    .tag("provider", provider).tag("endpoint", endpoint).tag("type", type)
                    .register(registry).increment(count);
        }
    }

    private String endpoint(LlmEndpoint endpoint) {
        if (endpoint.isDemo()) {
            return "demo";
        }
        return endpoint.baseUrl().equals(platformBaseUrl) ? "platform" : "bot";
    }
}
