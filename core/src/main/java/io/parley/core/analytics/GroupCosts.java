package io.parley.core.analytics;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code costs} figure by bot or by channel, from the daily rollups only: the sums from the daily counters
 * ({@code analytics_count_days}; LLM calls without a conversation, channel {@link AnalyticsRollup#NO_CHANNEL}, left
 * out), the distinct contacts and conversations with any activity from the precomputed active days. A group is
 * listed when it had any activity in the range.
 */
final class GroupCosts {

    private GroupCosts() {
    }

    /** {@code column}: {@code bot_id} or {@code channel_id}. */
    static AnalyticsTable read(Connection connection, AnalyticsRange range, String column, int limit) {
        Map<String, Object> values = range.values();
        values.put("none", AnalyticsRollup.NO_CHANNEL);
        // the other dimension: the filter asked for, or "any"
        String other = column.equals("bot_id") ? "channel_id" : "bot_id";
        Object otherValue = column.equals("bot_id") ? range.channel() : range.bot();
        values.put("other", otherValue == null ? AnalyticsRollup.NO_CHANNEL : otherValue);
        String own = column.equals("bot_id") ? (range.bot() == null ? "" : " AND a.bot_id = :bot")
                : (range.channel() == null ? "" : " AND a.channel_id = :channel");
        String distinctSql = """
                SELECT a.%1$s,
                       sum(a.entities) FILTER (WHERE a.kind = 'contact_any' AND a.prev_day < :fromDay),
                       sum(a.entities) FILTER (WHERE a.kind = 'conversation_any' AND a.prev_day < :fromDay)
                FROM analytics_active_days a
                WHERE a.tenant_id = :t AND a.kind IN ('contact_any', 'conversation_any') AND a.%1$s <> :none
                  AND a.%2$s = :other AND a.day >= :fromDay AND a.day <= :toDay%3$s
                GROUP BY 1""".formatted(column, other, own);
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (Object[] row : Jdbc.rows(connection, distinctSql, values)) {
            groups.put(row[0].toString(), new long[]{0, 0, 0, Jdbc.number(row[1]), Jdbc.number(row[2])});
        }
        String sumSql = """
                SELECT a.%s, a.metric, sum(a.value)
                FROM analytics_count_days a
                WHERE a.tenant_id = :t AND a.day >= :fromDay AND a.day <= :toDay AND a.channel_id <> :none
                  AND a.metric IN ('llm_calls', 'llm_cost_micros', 'messages_in')%s
                GROUP BY 1, 2""".formatted(column, range.filterSql("a"));
        for (Object[] row : Jdbc.rows(connection, sumSql, values)) {
            long[] sums = groups.get(row[0].toString());
            if (sums != null) {
                int index = switch (row[1].toString()) {
                    case "llm_calls" -> 0;
                    case "llm_cost_micros" -> 1;
                    default -> 2;
                };
                sums[index] = Jdbc.number(row[2]);
            }
        }
        String name = column.equals("bot_id") ? "botId" : "channelId";
        List<String> columns = List.of(name, "llmCalls", "costMicros", "messagesIn", "contacts",
                "conversations", "costPerContactMicros");
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -entry.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .forEach(entry -> {
                    long[] v = entry.getValue();
                    rows.add(AnalyticsTable.row(columns, entry.getKey(), v[0], v[1], v[2], v[3], v[4],
                            AnalyticsTable.per(v[1], v[3])));
                });
        return new AnalyticsTable(columns, rows, null);
    }
}
