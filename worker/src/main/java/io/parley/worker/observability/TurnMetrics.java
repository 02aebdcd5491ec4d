package io.parley.worker.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.core.channel.ChannelType;
import jakarta.inject.Singleton;

/**
 * Turns that wrote a reply (docs/operations/observability.md, "Turns"), by channel type and what answered:
 * {@code flow}, {@code llm}, {@code fallback} (the LLM failed and the bot's fallback message went out),
 * {@code limit} (a limit notice) or {@code none} (nothing to send, e.g. a flow that only sets attributes). Every
 * turn's run time, whatever it did, is {@code parley_jobs_attempts_seconds{kind="inbound.turn"}}.
 */
@Singleton
public final class TurnMetrics {

    private final MeterRegistry registry;

    TurnMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void replied(ChannelType channel, String answeredBy, boolean handoff) {
        Counter.builder("parley.turns").description("Turns that wrote a reply, by channel and what answered")
                .tag("channel", channel.wireName()).tag("answered_by", answeredBy).tag("handoff", Boolean.toString(handoff))
                .register(registry).increment();
    }
}
