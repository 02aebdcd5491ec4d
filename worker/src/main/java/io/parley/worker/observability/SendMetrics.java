package io.parley.worker.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.core.channel.ChannelType;
import io.parley.core.observability.Buckets;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;

/**
 * Provider calls that send replies (docs/operations/observability.md, "Sends"): each batch handed to LINE, WhatsApp,
 * Telegram or the web chat, by channel type and outcome, with the provider's time; and the messages in the batches
 * that went out. Outcomes are the kinds of {@code SendFailure} ({@code rate_limited}, {@code credentials_rejected},
 * {@code undeliverable}, {@code recipient_blocked}, {@code unavailable}), {@code sent}, or {@code error} for a bug.
 */
@Singleton
public final class SendMetrics {

    public static final String SENT = "sent";
    public static final String ERROR = "error";

    private final MeterRegistry registry;

    SendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param outcome {@link #SENT}, {@link #ERROR} or a failure's {@link #outcomeOf simple name} */
    public void batch(ChannelType channel, String outcome, Duration took, int messages) {
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
