package io.parley.core.analytics;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency histograms of a range ({@code analytics_latency_hours} for hour groups, {@code analytics_latency_days}
 * otherwise), merged per group key and over the whole range: one row per period, metric, bot and channel holds the
 * bins it uses and their counts ({@link LatencyBins}); merging adds the counts of equal bins. A merged histogram is
 * a dense array of counts indexed by bin (bins are small: about 800 reach 2 hours), so a merge is an addition per bin and
 * the three percentiles of a histogram are one pass over it. Merging in SQL instead ({@code unnest}, {@code GROUP BY}
 * and a running sum per group) was measured slower: 4× for 90 days, 9× for 31 days of hours (bench/README.md,
 * "latency").
 */
final class Histograms {

    /** label → metric → count by bin + 1 (bin -1 holds 0 ms); the whole range under the label null. */
    private final Map<String, Map<String, long[]>> byLabel = new HashMap<>();

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
            String label = range.label(row[0]);
            for (int i = 0; i < bins.length; i++) {
                int index = ((Number) bins[i]).intValue() + 1;
                long count = ((Number) counts[i]).longValue();
                histograms.add(label, metric, index, count);
                histograms.add(null, metric, index, count);
            }
        }
        return histograms;
    }

    /** How many latencies a metric has in a group, or over the range when label is null. */
    long count(String label, String metric) {
        return Arrays.stream(histogram(label, metric)).sum();
    }

    /**
     * The nearest-rank {@code q}-quantiles (each 0 < q ≤ 1, ascending) of a metric in a group, or over the range when
     * label is null, as {@link LatencyBins#percentile} gives them (the smallest bin whose running count reaches
     * ⌈q·n⌉, at least 1; its value rounded to whole milliseconds); nulls when there are none.
     */
    Long[] percentiles(String label, String metric, double... qs) {
        long[] histogram = histogram(label, metric);
        long total = Arrays.stream(histogram).sum();
        Long[] percentiles = new Long[qs.length];
        if (total == 0) {
            return percentiles;
        }
        long seen = 0;
        int next = 0;
        for (int index = 0; index < histogram.length && next < qs.length; index++) {
            seen += histogram[index];
            while (next < qs.length && seen >= Math.max(1, (long) Math.ceil(qs[next] * total))) {
                percentiles[next++] = Math.round(LatencyBins.value(index - 1));
            }
        }
        return percentiles;
    }

    private long[] histogram(String label, String metric) {
        return byLabel.getOrDefault(label, Map.of()).getOrDefault(metric, new long[0]);
    }

    private void add(String label, String metric, int index, long count) {
        Map<String, long[]> metrics = byLabel.computeIfAbsent(label, k -> new HashMap<>());
        long[] histogram = metrics.get(metric);
        if (histogram == null || histogram.length <= index) {
            histogram = histogram == null ? new long[Math.max(index + 1, 512)]
                    : Arrays.copyOf(histogram, Math.max(index + 1, 2 * histogram.length));
            metrics.put(metric, histogram);
        }
        histogram[index] += count;
    }

    private static Object[] elements(Object array) {
        try {
            return (Object[]) ((Array) array).getArray();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a latency histogram", e);
        }
    }
}
