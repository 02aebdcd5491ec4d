package io.parley.core.flow;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.flow.condition.Condition;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A bot's scripted answer: when {@code trigger} fires, {@code steps} run instead of (or, with {@link Step.AskLlm},
 * before) the LLM. Among flows that match, the highest {@code priority} wins, then the oldest (smallest UUIDv7 id).
 * A flow with a {@code condition} takes part only for contacts (and channels, times) for which it holds.
 */
public record Flow(UUID id, String name, boolean enabled, int priority, Trigger trigger, List<Step> steps,
                   @Nullable Condition condition) {

    public Flow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trigger, "trigger");
        steps = List.copyOf(steps);
    }

    /** A flow for every contact. */
    public Flow(UUID id, String name, boolean enabled, int priority, Trigger trigger, List<Step> steps) {
        this(id, name, enabled, priority, trigger, steps, null);
    }
}
