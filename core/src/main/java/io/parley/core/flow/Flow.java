package io.parley.core.flow;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A bot's scripted answer: when {@code trigger} fires, {@code steps} run instead of (or, with {@link Step.AskLlm},
 * before) the LLM. Among flows that match, the highest {@code priority} wins, then the oldest (smallest UUIDv7 id).
 */
public record Flow(UUID id, String name, boolean enabled, int priority, Trigger trigger, List<Step> steps) {

    public Flow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trigger, "trigger");
        steps = List.copyOf(steps);
    }
}
