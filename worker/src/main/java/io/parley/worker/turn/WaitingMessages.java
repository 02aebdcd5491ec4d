package io.parley.worker.turn;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.parley.core.flow.FlowTurn;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.JobKinds;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Several messages, one answer (docs/conversation-turn.md): people type several short messages in a row, and each
 * waits for a turn while the previous one runs (the conversation's turns are serial) or while the debounce of
 * {@code parley.turn.coalesce-debounce} lets the contact finish typing. A turn about to ask the LLM takes in the
 * conversation's messages still waiting for their turns — consecutive texts and stickers that no flow answers — so
 * the LLM sees them all and one reply answers them, with the newest reply token. A message a flow would answer (or
 * a button press, a follow, a media message) ends the run: it keeps its own turn, after this one, in order. Only
 * one-to-one chats: in a group, members' messages keep their own turns.
 *
 * <p>Their own turns then find them answered: the reply's transaction marks them {@code answered_by} the leading
 * event (V51). Until it commits nothing is marked, so a turn that crashes or whose reply is dropped (a person took
 * over) leaves them to their own turns.
 */
@Singleton
final class WaitingMessages {

    /** At most this many messages are answered together. */
    static final int MAX_ABSORBED = 20;

    private static final String WAITING = """
            SELECT CAST(args ->> 'eventId' AS uuid) FROM jobs
            WHERE tenant_id = ? AND serial_key = ? AND kind = ? AND state IN ('available', 'retryable') AND id > ?
            ORDER BY id LIMIT ?""";

    private final TenantScope scope;
    private final JdbcOperations jdbc;
    private final TurnRepository turns;
    private final MessageIntake intake;
    private final FlowPlanner planner;
    private final JsonMapper json;

    WaitingMessages(TenantScope scope, JdbcOperations jdbc, TurnRepository turns, MessageIntake intake,
                    FlowPlanner planner, JsonMapper json) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.turns = turns;
        this.intake = intake;
        this.planner = planner;
        this.json = json;
    }

    /** True when {@code turn}'s own message is one that may be answered together with others. */
    static boolean coalescable(Turn turn, FlowPlanner.Plan plan) {
        InboundEvent.Type type = turn.event().type();
        // In a group each message is a member's own (LINE groups are one conversation): each keeps its turn.
        return (type == InboundEvent.Type.TEXT || type == InboundEvent.Type.STICKER) && turn.event().directChat()
                && answeredByLlmAlone(plan);
    }

    private static boolean answeredByLlmAlone(FlowPlanner.Plan plan) {
        return plan.then() == FlowTurn.Then.LLM && plan.messages().isEmpty() && plan.instruction() == null
                && plan.attributeChanges().isEmpty() && plan.flowWait() == null && plan.variableChanges().isEmpty();
    }

    /**
     * Stores and returns the conversation's messages waiting behind the turn's job {@code jobId} that this turn
     * answers too (not those it took in already), oldest first; one transaction.
     */
    List<Turn.Absorbed> takeIn(Turn turn, long jobId) {
        int room = MAX_ABSORBED - turn.absorbed().size();
        if (room <= 0) {
            return List.of();
        }
        Set<UUID> taken = new HashSet<>();
        turn.absorbed().forEach(message -> taken.add(message.eventId()));
        return scope.writeReplayable(turn.tenant(), () -> {
            List<Turn.Absorbed> absorbed = new ArrayList<>();
            for (UUID eventId : waiting(turn, jobId, room + taken.size())) {
                if (taken.contains(eventId)) {
                    continue;
                }
                TurnEventRow stored = turns.find(turn.tenant().value(), eventId).orElse(null);
                InboundEvent event = stored == null ? null : read(stored);
                if (event == null || !turn.event().conversationKey().equals(event.conversationKey())
                        || !coalescable(turn.forEvent(event), planner.plan(turn.forEvent(event)))) {
                    break; // it keeps its own turn, and so do the messages after it (order)
                }
                boolean fresh = intake.store(turn.tenant(), eventId, event, turn.conversation(),
                        turn.contact().id());
                if (!fresh && turns.answered(turn.tenant().value(), eventId)) {
                    continue; // answered with an earlier turn already; its own job has not run yet
                }
                absorbed.add(new Turn.Absorbed(eventId, event, stored.receivedAt()));
                if (absorbed.size() == room) {
                    break;
                }
            }
            return absorbed;
        });
    }

    /** In the reply's transaction: the absorbed messages are answered by the reply to {@code eventId}. */
    void markAnswered(Turn turn) {
        if (turn.absorbed().isEmpty()) {
            return;
        }
        UUID[] ids = turn.absorbed().stream().map(Turn.Absorbed::eventId).toArray(UUID[]::new);
        jdbc.prepareStatement("UPDATE messages SET answered_by = ? WHERE tenant_id = ? AND id = ANY(?)",
                statement -> {
                    statement.setObject(1, turn.eventId());
                    statement.setObject(2, turn.tenant().value());
                    statement.setArray(3, statement.getConnection().createArrayOf("uuid", ids));
                    return statement.executeUpdate();
                });
    }

    private List<UUID> waiting(Turn turn, long jobId, int limit) {
        return jdbc.prepareStatement(WAITING, statement -> {
            statement.setObject(1, turn.tenant().value());
            statement.setString(2, turn.event().conversationKey());
            statement.setString(3, JobKinds.INBOUND_TURN);
            statement.setLong(4, jobId);
            statement.setInt(5, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        });
    }

    private InboundEvent read(TurnEventRow stored) {
        try {
            return json.readValue(stored.payload(), InboundEvent.class);
        } catch (IOException e) {
            return null; // its own turn discards it
        }
    }
}
