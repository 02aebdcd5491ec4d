package io.parley.core.alert;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the rules compare against, read from the raw rows (llm_usage, conversation_handoffs, messages) for short
 * spans only — a day, a window, the hand-offs of the last day — through their (tenant_id, created_at) indexes.
 * Call inside the tenant's scope.
 */
@Singleton
class AlertConditions {

    /** The outcomes that end in the bot's fallback because the provider failed (quota is a budget's or plan's stop). */
    static final String FAILED_OUTCOMES = "'timeout', 'error', 'rate_limited', 'circuit_open'";

    record Calls(long total, long failed) {
    }

    record WaitingHandoff(UUID id, UUID conversationId, Instant at) {
    }

    private final DataSource dataSource;

    AlertConditions(DataSource dataSource) {
        this.dataSource = dataSource; // transaction-aware: joins the caller's tenant scope
    }

    /** The LLM cost of the calls made in [from, to). */
    long llmCostMicros(UUID tenant, Instant from, Instant to) {
        return query("SELECT coalesce(sum(cost_micros), 0) FROM llm_usage WHERE tenant_id = ? AND created_at >= ? "
                + "AND created_at < ?", tenant, from, to, rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    /** The LLM calls made in [from, to) and how many of them failed. */
    Calls llmCalls(UUID tenant, Instant from, Instant to) {
        return query("SELECT count(*), count(*) FILTER (WHERE outcome IN (" + FAILED_OUTCOMES + ")) FROM llm_usage "
                        + "WHERE tenant_id = ? AND created_at >= ? AND created_at < ?", tenant, from, to,
                rows -> rows.next() ? new Calls(rows.getLong(1), rows.getLong(2)) : new Calls(0, 0));
    }

    /**
     * Flow hand-offs (a contact asked for a person) made in [from, to) that no agent has answered since: no message
     * from an agent in the conversation at or after the hand-off. Oldest first, at most 100.
     */
    List<WaitingHandoff> unansweredHandoffs(UUID tenant, Instant from, Instant to) {
        String sql = """
                SELECT h.id, h.conversation_id, h.created_at FROM conversation_handoffs h
                WHERE h.tenant_id = ? AND h.created_at >= ? AND h.created_at < ? AND h.kind = 'flow'
                  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = h.tenant_id
                                    AND m.conversation_id = h.conversation_id AND m.sender = 'agent'
                                    AND m.created_at >= h.created_at)
                ORDER BY h.created_at LIMIT 100""";
        return query(sql, tenant, from, to, rows -> {
            List<WaitingHandoff> waiting = new ArrayList<>();
            while (rows.next()) {
                waiting.add(new WaitingHandoff(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                        rows.getTimestamp(3).toInstant()));
            }
            return waiting;
        });
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, UUID tenant, Instant from, Instant to, Reader<T> reader) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, tenant);
                statement.setTimestamp(2, Timestamp.from(from));
                statement.setTimestamp(3, Timestamp.from(to));
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Alert condition query failed", e);
        }
    }
}
