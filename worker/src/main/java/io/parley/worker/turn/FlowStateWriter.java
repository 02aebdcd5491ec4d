package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.flow.capture.FlowStateRepository;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes a turn's flow state (the question it waits at, captured variables) inside the reply's transaction. */
@Singleton
final class FlowStateWriter {

    private final FlowStateRepository states;
    private final JsonMapper json;

    FlowStateWriter(FlowStateRepository states, JsonMapper json) {
        this.states = states;
        this.json = json;
    }

    void apply(Turn turn, FlowPlanner.@Nullable Wait wait, Map<String, String> variables) {
        var tenant = turn.tenant().value();
        var conversation = turn.conversation().id();
        if (!variables.isEmpty()) {
            try {
                states.mergeVariables(tenant, conversation, json.writeValueAsString(variables));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (wait == null) {
            return;
        }
        if (wait.flowId() == null) {
            states.stopWaiting(tenant, conversation);
        } else {
            states.waitAt(tenant, conversation, wait.flowId(), wait.stepIndex(), wait.attempts(), wait.expiresAt());
        }
    }
}
