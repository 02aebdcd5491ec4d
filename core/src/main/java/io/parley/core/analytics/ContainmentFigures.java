package io.parley.core.analytics;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Containment: conversations the bot handled alone vs handed to a person, and how long the person took to answer
 * (docs/analytics.md). Hand-offs are few, so they and the agents' first answers are read raw and the percentiles
 * are exact.
 */
@Singleton
public final class ContainmentFigures {

    private final TrafficFigures traffic;

    ContainmentFigures(TrafficFigures traffic) {
        this.traffic = traffic;
    }

    public AnalyticsTable containment(AnalyticsRange range) {
        return traffic.read(range, connection -> {
            DistinctCounts.Groups groups = DistinctCounts.of(connection, range, DistinctCounts.CONVERSATION);
            Map<String, Long> active = new HashMap<>();
            range.labels().forEach(label -> active.put(label, groups.active(label)));
            active.put(null, groups.total());
            // the agent's first answer: the earliest agent message from the hand-off on, one index-only probe of
            // messages_agent_idx (V209) per hand-off; the conversation is joined only for a bot or channel filter
            String handoffSql = """
                    SELECT %1$s AS k, h.conversation_id, h.kind,
                           (SELECT floor(extract(epoch FROM min(m.created_at) - h.created_at) * 1000)
                            FROM messages m
                            WHERE m.tenant_id = h.tenant_id AND m.conversation_id = h.conversation_id
                              AND m.sender = 'agent' AND m.created_at >= h.created_at)
                    FROM conversation_handoffs h%2$s
                    WHERE h.tenant_id = :t AND h.created_at >= :start AND h.created_at < :end%3$s
                    """.formatted(range.keySql("h.created_at"), range.filterSql("c").isEmpty() ? ""
                    : "\n    JOIN conversations c ON c.tenant_id = h.tenant_id AND c.id = h.conversation_id",
                    range.filterSql("c"));
            Map<String, Tally> byLabel = new HashMap<>();
            Tally total = new Tally();
            for (Object[] row : Jdbc.rows(connection, handoffSql, range.values())) {
                Long ms = row[3] == null ? null : Jdbc.number(row[3]);
                byLabel.computeIfAbsent(range.label(row[0]), k -> new Tally()).add(row[1], row[2].toString(), ms);
                total.add(row[1], row[2].toString(), ms);
            }
            List<String> columns = List.of("bucket", "activeConversations", "handedOffConversations",
                    "handoffsByFlow", "handoffsByTakeover", "containedShare", "agentAnswered",
                    "agentFirstResponseP50Ms", "agentFirstResponseP95Ms");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String label : range.labels()) {
                rows.add(byLabel.getOrDefault(label, new Tally()).row(columns, label, active.getOrDefault(label, 0L)));
            }
            return new AnalyticsTable(columns, rows, total.row(columns, "total", active.getOrDefault(null, 0L)));
        });
    }

    /** The hand-offs of one group. */
    private static final class Tally {
        final java.util.Set<Object> conversations = new java.util.HashSet<>();
        long flow;
        long takeover;
        final List<Long> responses = new ArrayList<>();

        void add(Object conversation, String kind, Long responseMs) {
            conversations.add(conversation);
            if (kind.equals(HandoffRepository.FLOW)) {
                flow++;
            } else {
                takeover++;
            }
            if (responseMs != null) {
                responses.add(responseMs);
            }
        }

        Map<String, Object> row(List<String> columns, String label, long active) {
            long handedOff = conversations.size();
            return AnalyticsTable.row(columns, label, active, handedOff, flow, takeover,
                    active == 0 ? null : AnalyticsTable.share(Math.max(0, active - handedOff), active),
                    (long) responses.size(), nearestRank(0.5), nearestRank(0.95));
        }

        /** Exact nearest-rank percentile. */
        Long nearestRank(double q) {
            if (responses.isEmpty()) {
                return null;
            }
            List<Long> sorted = responses.stream().sorted().toList();
            return sorted.get((int) Math.max(0, Math.ceil(q * sorted.size()) - 1));
        }
    }
}
