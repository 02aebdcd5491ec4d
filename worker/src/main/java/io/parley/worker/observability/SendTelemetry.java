package io.parley.worker.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.parley.core.channel.ChannelType;
import io.parley.core.observability.Buckets;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Provider calls that send replies (docs/operations/observability.md, "Sends"): each batch handed to LINE, WhatsApp,
 * Telegram or the web chat, by channel type and outcome, with the provider's time; and the messages in the batches
 * that went out. Outcomes are the kinds of {@code SendFailure} ({@code rate_limited}, {@code credentials_rejected},
 * {@code undeliverable}, {@code recipient_blocked}, {@code unavailable}), {@code sent}, or {@code error} for a bug.
 *
 * <p>With tracing on, each batch is a span {@code send <channel>} (kind CLIENT) with the channel type, tenant,
 * channel and conversation ids, message count and outcome — never the text, the recipient's id or a token.
 */
@Singleton
public final class SendTelemetry {

    public static final String SENT = "sent";
    public static final String ERROR = "error";

    private final MeterRegistry registry;
    private final Tracer tracer;

    SendTelemetry(MeterRegistry registry, Tracers tracers) {
        this.registry = registry;
        this.tracer = tracers.tracer();
    }

    /** A batch's span; {@link #batch} ends it. */
    public Span start(ChannelType channel, UUID tenant, UUID channelId, UUID conversation, int messages) {
        return tracer.spanBuilder("send " + channel.wireName()).setSpanKind(SpanKind.CLIENT)
                .setAttribute("parley.channel.type", channel.wireName())
                .setAttribute("parley.tenant.id", tenant.toString())
                .setAttribute("parley.channel.id", channelId.toString())
                .setAttribute("parley.conversation.id", conversation.toString())
                .setAttribute("parley.send.messages", messages)
                .startSpan();
    }

    /** @param outcome {@link #SENT}, {@link #ERROR} or a failure's {@link #outcomeOf simple name} */
    public void batch(Span span, ChannelType channel, String outcome, Duration took, int messages) {
        span.setAttribute("parley.send.outcome", outcome);
        if (!SENT.equals(outcome)) {
            span.setStatus(StatusCode.ERROR, outcome);
        }
        span.end();
        Timer.builder("parley.sends").description("Batches of replies handed to a provider, by channel and outcome")
                .tag("channel", channel.wireName()).tag("outcome", outcome)
                .serviceLevelObjectives(Buckets.PROVIDER)
                .register(registry).record(took);
        if (SENT.equals(outcome)) {
            Counter.builder("parley.sends.messages").description("Messages providers accepted, by channel")
                    .tag("channel", channel.wireName()).register(registry).increment(messages);
        }
    }

    /** {@code RateLimited} → {@code rate_limited}. */
    public static String outcomeOf(Exception failure) {
        return failure.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
