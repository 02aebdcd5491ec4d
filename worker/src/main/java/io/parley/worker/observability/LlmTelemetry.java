package io.parley.worker.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.parley.core.observability.Buckets;
import io.parley.worker.llm.LlmEndpoint;
import io.parley.worker.llm.LlmOutcome;
import io.parley.worker.llm.LlmSettings;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.UUID;

/**
 * What the LLM did for turns (docs/operations/observability.md, "LLM"): each call's time (retries and backoff
 * included — what the contact waited) by provider, endpoint and outcome, and the tokens it used.
 *
 * <p>{@code endpoint} is {@code platform} for the platform's own base URL ({@code PARLEY_LLM_BASE_URL}, the account
 * the operator pays for), {@code bot} for a base URL a tenant set on a bot, {@code demo} for the built-in demo: never
 * the URL itself, nor the model, which tenants choose freely and would make the series unbounded.
 *
 * <p>With tracing on, each call is a span {@code chat <model>} (kind CLIENT, OpenTelemetry's GenAI conventions where
 * they fit): provider, model, outcome, token counts and the tenant, bot and conversation ids — never the prompt, the
 * answer or the endpoint's key.
 */
@Singleton
public final class LlmTelemetry {

    private final MeterRegistry registry;
    private final String platformBaseUrl;
    private final Tracer tracer;

    LlmTelemetry(MeterRegistry registry, LlmSettings settings, Tracers tracers) {
        this.registry = registry;
        this.tracer = tracers.tracer();
        this.platformBaseUrl = settings.baseUrl().replaceAll("/+$", ""); // as LlmEndpoint keeps it
    }

    /** A call's span, begun before the endpoint is known; {@link #call} ends it. */
    public Span start(UUID tenant, UUID bot, UUID conversation) {
        return tracer.spanBuilder("chat").setSpanKind(SpanKind.CLIENT)
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("parley.tenant.id", tenant.toString())
                .setAttribute("parley.bot.id", bot.toString())
                .setAttribute("parley.conversation.id", conversation.toString())
                .startSpan();
    }

    public void call(Span span, LlmEndpoint endpoint, LlmOutcome outcome, Duration took, int promptTokens,
                     int completionTokens) {
        String provider = endpoint.provider();
        String which = endpoint(endpoint);
        span.updateName("chat " + endpoint.model());
        span.setAttribute("gen_ai.system", provider);
        span.setAttribute("gen_ai.request.model", endpoint.model());
        span.setAttribute("parley.llm.endpoint", which);
        span.setAttribute("parley.llm.outcome", outcome.wireName());
        span.setAttribute("gen_ai.usage.input_tokens", promptTokens);
        span.setAttribute("gen_ai.usage.output_tokens", completionTokens);
        if (outcome != LlmOutcome.OK) {
            span.setStatus(StatusCode.ERROR, outcome.wireName());
        }
        span.end();
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
