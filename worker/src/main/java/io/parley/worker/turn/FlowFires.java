package io.parley.worker.turn;

import io.parley.core.analytics.FlowFireRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Records that a flow fired for the turn (analytics' "flows fired", docs/analytics.md): once per turn event and flow,
 * so a turn run again records nothing new. A short replayable transaction of its own (the turn's reply is written
 * later, after the LLM); best effort — a failure here never stops the answer.
 */
@Singleton
final class FlowFires {

    private static final Logger LOG = LoggerFactory.getLogger(FlowFires.class);

    private final TenantScope scope;
    private final FlowFireRepository fires;

    FlowFires(TenantScope scope, FlowFireRepository fires) {
        this.scope = scope;
        this.fires = fires;
    }

    void fired(Turn turn, UUID flowId) {
        try {
            scope.writeReplayable(turn.tenant(), () -> {
                fires.insert(turn.tenant().value(), Ids.next(), turn.conversation().id(), flowId, turn.eventId());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record that flow {} fired ({})", flowId, e.getClass().getSimpleName());
        }
    }
}
