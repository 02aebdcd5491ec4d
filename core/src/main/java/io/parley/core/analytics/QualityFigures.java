package io.parley.core.analytics;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Latency, LLM use and cost, containment, delivery and buttons (docs/analytics.md). */
@Singleton
public final class QualityFigures {

    private static final List<String> OUTCOMES = List.of("ok", "timeout", "error", "rate_limited", "quota",
            "circuit_open");

    private final TrafficFigures traffic;

    QualityFigures(TrafficFigures traffic) {
        this.traffic = traffic;
    }

    /** Webhook received → reply sent and LLM call time: count, p50, p95, p99 in ms per bucket and over the range. */
    public AnalyticsTable latency(AnalyticsRange range) {
        return traffic.read(range, connection -> {
            Histograms histograms = Histograms.read(connection, range, List.of("reply_latency", "llm_latency"));
            List<String> columns = List.of("bucket", "replies", "replyP50", "replyP95", "replyP99",
                    "llmCalls", "llmP50", "llmP95", "llmP99");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String label : range.labels()) {
                rows.add(latencyRow(columns, label, label, histograms));
            }
            return new AnalyticsTable(columns, rows, latencyRow(columns, "total", null, histograms));
        });
    }

    private static Map<String, Object> latencyRow(List<String> columns, String bucket, String label,
                                                  Histograms histograms) {
        List<Object> values = new ArrayList<>(List.of(bucket));
        for (String metric : List.of("reply_latency", "llm_latency")) {
            values.add(histograms.count(label, metric));
            values.addAll(java.util.Arrays.asList(histograms.percentiles(label, metric, 0.5, 0.95, 0.99)));
        }
        return AnalyticsTable.row(columns, values.toArray());
    }

    /**
     * LLM calls by outcome, tokens and cost per bucket, with the active contacts and conversations of the bucket
     * and the cost per each.
     */
    public AnalyticsTable llm(AnalyticsRange range) {
        return traffic.read(range, connection -> {
            Counters counts = Counters.read(connection, range, List.of("llm_calls", "llm_prompt_tokens",
                    "llm_completion_tokens", "llm_cost_micros"));
            Map<String, long[]> active = active(connection, range);
            List<String> columns = new ArrayList<>(List.of("bucket", "calls"));
            OUTCOMES.forEach(outcome -> columns.add("calls_" + outcome));
            columns.addAll(List.of("promptTokens", "completionTokens", "costMicros", "activeContacts",
                    "costPerActiveContactMicros", "activeConversations", "costPerConversationMicros"));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String label : range.labels()) {
                rows.add(llmRow(columns, label, counts, label, active.getOrDefault(label, new long[2])));
            }
            return new AnalyticsTable(columns, rows, llmRow(columns, "total", counts, null,
                    active.getOrDefault(null, new long[2])));
        });
    }

    private static Map<String, Object> llmRow(List<String> columns, String bucket, Counters counts, String label,
                                              long[] active) {
        List<Object> values = new ArrayList<>(List.of(bucket, get(counts, label, "llm_calls", null)));
        OUTCOMES.forEach(outcome -> values.add(get(counts, label, "llm_calls", outcome)));
        long cost = get(counts, label, "llm_cost_micros", null);
        values.addAll(List.of(get(counts, label, "llm_prompt_tokens", null),
                get(counts, label, "llm_completion_tokens", null), cost, active[0]));
        values.add(AnalyticsTable.per(cost, active[0]));
        values.add(active[1]);
        values.add(AnalyticsTable.per(cost, active[1]));
        return AnalyticsTable.row(columns, values.toArray());
    }

    private static long get(Counters counts, String label, String metric, String dimension) {
        return label == null ? counts.total(metric, dimension) : counts.get(label, metric, dimension);
    }

    /**
     * Active contacts and active conversations (a conversation is one channel and contact) per label, and over
     * the whole range under the key null.
     */
    private static Map<String, long[]> active(Connection connection, AnalyticsRange range) {
        DistinctCounts.Groups contacts = DistinctCounts.of(connection, range, DistinctCounts.CONTACT);
        DistinctCounts.Groups conversations = DistinctCounts.of(connection, range, DistinctCounts.CONVERSATION);
        Map<String, long[]> active = new HashMap<>();
        for (String label : range.labels()) {
            active.put(label, new long[]{contacts.active(label), conversations.active(label)});
        }
        active.put(null, new long[]{contacts.total(), conversations.total()});
        return active;
    }

    /** What groups cost: by bot, by channel, or the most expensive contacts. */
    public enum CostGroup { BOT, CHANNEL, CONTACT }

    /** LLM calls and cost over the range by bot, channel or contact, most expensive first ({@code limit} rows). */
    public AnalyticsTable costs(AnalyticsRange range, CostGroup group, int limit) {
        if (group != CostGroup.CONTACT) {
            return traffic.read(range, connection -> GroupCosts.read(connection, range,
                    group == CostGroup.BOT ? "bot_id" : "channel_id", limit));
        }
        return traffic.read(range, connection -> ContactCosts.read(connection, range, limit));
    }

    /** Outbound messages by channel and current status (of the messages created in the range). */
    public AnalyticsTable delivery(AnalyticsRange range) {
        return grouped(range, "delivery", List.of("channelId", "queued", "sent", "delivered", "read", "failed"), true);
    }

    /** Failed outbound messages by channel and provider error code. */
    public AnalyticsTable failures(AnalyticsRange range) {
        return grouped(range, "failure", List.of("channelId", "code", "messages"), false);
    }

    /** Button presses (postbacks) by their data. */
    public AnalyticsTable buttons(AnalyticsRange range) {
        return grouped(range, "button", List.of("postback", "presses"), false);
    }

    /** LINE messages sent with the free reply token vs paid pushes, per bucket and over the range. */
    public AnalyticsTable lineSends(AnalyticsRange range) {
        return traffic.read(range, connection -> {
            Counters counts = Counters.read(connection, range, List.of("line_send"));
            List<String> columns = List.of("bucket", "replies", "pushes", "replyShare");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String label : range.labels()) {
                long replies = counts.get(label, "line_send", "reply");
                long pushes = counts.get(label, "line_send", "push");
                rows.add(AnalyticsTable.row(columns, label, replies, pushes, AnalyticsTable.share(replies,
                        replies + pushes)));
            }
            long replies = counts.total("line_send", "reply");
            long pushes = counts.total("line_send", "push");
            return new AnalyticsTable(columns, rows, AnalyticsTable.row(columns, "total", replies, pushes,
                    AnalyticsTable.share(replies, replies + pushes)));
        });
    }

    /** How often each flow fired, most first, with its name now (null for a deleted flow). */
    public AnalyticsTable flows(AnalyticsRange range) {
        return traffic.read(range, connection -> {
            String sql = """
                    SELECT a.dimension, min(f.name), sum(a.value)
                    FROM analytics_counts a
                    LEFT JOIN flows f ON f.tenant_id = a.tenant_id AND CAST(f.id AS text) = a.dimension
                    WHERE a.tenant_id = :t AND a.bucket >= :start AND a.bucket < :end AND a.metric = 'flow_fired'%s
                    GROUP BY 1 ORDER BY 3 DESC, 1""".formatted(range.filterSql("a"));
            List<String> columns = List.of("flowId", "name", "fired");
            List<Map<String, Object>> rows = new ArrayList<>();
            Jdbc.rows(connection, sql, range.values()).forEach(row -> rows.add(AnalyticsTable.row(columns,
                    row[0].toString(), row[1], Jdbc.number(row[2]))));
            return new AnalyticsTable(columns, rows, null);
        });
    }

    private AnalyticsTable grouped(AnalyticsRange range, String metric, List<String> columns, boolean pivot) {
        return traffic.read(range, connection -> {
            String sql = """
                    SELECT a.channel_id, a.dimension, sum(a.value)
                    FROM analytics_count_days a
                    WHERE a.tenant_id = :t AND a.day >= :fromDay AND a.day <= :toDay AND a.metric = :metric%s
                    GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2""".formatted(range.filterSql("a"));
            Map<String, Object> values = range.values();
            values.put("metric", metric);
            List<Object[]> found = Jdbc.rows(connection, sql, values);
            List<Map<String, Object>> rows = new ArrayList<>();
            if (pivot) {
                Map<String, Map<String, Object>> byChannel = new java.util.LinkedHashMap<>();
                for (Object[] row : found) {
                    Map<String, Object> line = byChannel.computeIfAbsent(row[0].toString(), channel -> {
                        Map<String, Object> fresh = AnalyticsTable.row(columns, channel, 0L, 0L, 0L, 0L, 0L);
                        rows.add(fresh);
                        return fresh;
                    });
                    if (line.containsKey(row[1].toString())) {
                        line.put(row[1].toString(), Jdbc.number(row[2]));
                    }
                }
            } else if (columns.size() == 3) {
                found.forEach(row -> rows.add(AnalyticsTable.row(columns, row[0].toString(), row[1], Jdbc.number(row[2]))));
            } else {
                Map<String, Long> merged = new java.util.LinkedHashMap<>();
                found.forEach(row -> merged.merge(row[1].toString(), Jdbc.number(row[2]), Long::sum));
                merged.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(entry -> rows.add(AnalyticsTable.row(columns, entry.getKey(), entry.getValue())));
            }
            return new AnalyticsTable(columns, rows, null);
        });
    }
}
