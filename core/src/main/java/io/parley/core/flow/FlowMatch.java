package io.parley.core.flow;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * The result of {@link FlowMatcher#match}: the flow that answers (null: none, the LLM answers) and the flows whose
 * regex ran out of time on this message and were skipped (worth logging and showing to the bot's admins).
 */
public record FlowMatch(@Nullable Flow flow, List<Flow> timedOut) {

    public FlowMatch {
        timedOut = List.copyOf(timedOut);
    }

    public Optional<Flow> found() {
        return Optional.ofNullable(flow);
    }
}
