package io.parley.core.analytics;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency histograms of a range ({@code analytics_latency_hours} for hour groups, {@code analytics_latency_days}
 * otherwise), merged per group key and over the whole range: one row per period, metric, bot and channel holds the
 * bins it uses and their counts ({@link LatencyBins}); merging adds the counts of equal bins.
 */
final class Histograms {

    /** label → metric → bin → count; the whole range under the label null. */
    private final Map<String, Map<String, Map<Integer, Long>>> byLabel = new HashMap<>();

    private Histograms() {
    }

    static Histograms read(Connection connection, AnalyticsRange range, List<String> metrics) {
        String sql = """
                SELECT %s AS k, a.metric, a.bins, a.counts
                FROM %s a
                WHERE a.tenant_id = :t AND %s AND a.metric = ANY(:metrics)%s""".formatted(
                range.groupSql(range.periodColumn("a")), range.table("analytics_latency_hours", "analytics_latency_days"),
                range.periodSql("a"), range.filterSql("a"));
        Map<String, Object> values = range.values();
        values.put("metrics", metrics.toArray(String[]::new));
        Histograms histograms = new Histograms();
        for (Object[] row : Jdbc.rows(connection, sql, values)) {
            String metric = row[1].toString();
            Object[] bins = elements(row[2]);
            Object[] counts = elements(row[3]);
            Map<Integer, Long> group = histograms.bins(range.label(row[0]), metric);
            Map<Integer, Long> total = histograms.bins(null, metric);
            for (int i = 0; i < bins.length; i++) {
                int bin = ((Number) bins[i]).intValue();
                long count = ((Number) counts[i]).longValue();
                group.merge(bin, count, Long::sum);
                total.merge(bin, count, Long::sum);
            }
        }
        return histograms;
    }

    /** The histogram (bin → count) of a metric in a group, or over the range when label is null. */
    Map<Integer, Long> histogram(String label, String metric) {
        return byLabel.getOrDefault(label, Map.of()).getOrDefault(metric, Map.of());
    }

    private Map<Integer, Long> bins(String label, String metric) {
        return byLabel.computeIfAbsent(label, k -> new HashMap<>()).computeIfAbsent(metric, k -> new HashMap<>());
    }

    private static Object[] elements(Object array) {
        try {
            return (Object[]) ((Array) array).getArray();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a latency histogram", e);
        }
    }
}
