package io.parley.core.analytics;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency percentiles of a range ({@code analytics_latency_hours} for hour groups, {@code analytics_latency_days}
 * otherwise), per group key and over the whole range. One row per period, metric, bot and channel holds the bins it
 * uses and their counts ({@link LatencyBins}); the histograms are merged in SQL (the counts of equal bins added:
 * {@code unnest} and {@code GROUP BY}) and the nearest-rank bins picked there too, so only a count and three bins
 * per group and metric travel — not every row's arrays (1,488 rows of ~150 bins for 31 days of hours).
 */
final class Histograms {

    /** The quantiles read, in this order. */
    static final double[] QUANTILES = {0.5, 0.95, 0.99};

    /**
     * The nearest-rank bin of {@link LatencyBins#percentile}, in SQL: the smallest bin whose running count reaches
     * ⌈q·n⌉ (at least 1), with q·n in double precision as Java computes it, so the same bin comes out.
     */
    private static final String RANK = "min(c.bin) FILTER (WHERE c.seen >= greatest(1, ceil(CAST(%s AS float8) * c.total)))";

    /** label → metric → {count, p50 bin, p95 bin, p99 bin}; the whole range under the label null. */
    private final Map<String, Map<String, Long[]>> byLabel = new HashMap<>();

    private Histograms() {
    }

    static Histograms read(Connection connection, AnalyticsRange range, List<String> metrics) {
        StringBuilder ranks = new StringBuilder();
        for (double q : QUANTILES) {
            ranks.append(", ").append(RANK.formatted(q));
        }
        String sql = """
                WITH g AS (
                    SELECT %s AS k, a.metric, x.bin, sum(x.n) AS n
                    FROM %s a CROSS JOIN LATERAL unnest(a.bins, a.counts) AS x(bin, n)
                    WHERE a.tenant_id = :t AND %s AND a.metric = ANY(:metrics)%s
                    GROUP BY 1, 2, 3
                ), b AS (
                    SELECT g.k, g.metric, g.bin, g.n FROM g
                    UNION ALL
                    SELECT NULL, g.metric, g.bin, sum(g.n) FROM g GROUP BY g.metric, g.bin
                ), c AS (
                    SELECT b.k, b.metric, b.bin, sum(b.n) OVER (PARTITION BY b.k, b.metric ORDER BY b.bin) AS seen,
                           sum(b.n) OVER (PARTITION BY b.k, b.metric) AS total
                    FROM b
                )
                SELECT c.k, c.metric, c.total%s
                FROM c
                GROUP BY c.k, c.metric, c.total""".formatted(
                range.groupSql(range.periodColumn("a")), range.table("analytics_latency_hours", "analytics_latency_days"),
                range.periodSql("a"), range.filterSql("a"), ranks);
        Map<String, Object> values = range.values();
        values.put("metrics", metrics.toArray(String[]::new));
        Histograms histograms = new Histograms();
        for (Object[] row : Jdbc.rows(connection, sql, values)) {
            Long[] figures = new Long[1 + QUANTILES.length];
            figures[0] = Jdbc.number(row[2]);
            for (int i = 0; i < QUANTILES.length; i++) {
                figures[1 + i] = row[3 + i] == null ? null : ((Number) row[3 + i]).longValue();
            }
            histograms.byLabel.computeIfAbsent(row[0] == null ? null : range.label(row[0]), k -> new HashMap<>())
                    .put(row[1].toString(), figures);
        }
        return histograms;
    }

    /** How many latencies a metric has in a group, or over the range when label is null. */
    long count(String label, String metric) {
        Long[] figures = figures(label, metric);
        return figures == null ? 0 : figures[0];
    }

    /**
     * The nearest-rank {@code QUANTILES[index]}-quantile of a metric in a group (or over the range when label is
     * null), in whole milliseconds ({@link LatencyBins#value} of its bin, rounded); null when there are none.
     */
    Long percentile(String label, String metric, int index) {
        Long[] figures = figures(label, metric);
        Long bin = figures == null ? null : figures[1 + index];
        return bin == null ? null : Math.round(LatencyBins.value(bin.intValue()));
    }

    private Long[] figures(String label, String metric) {
        return byLabel.getOrDefault(label, Map.of()).get(metric);
    }
}
