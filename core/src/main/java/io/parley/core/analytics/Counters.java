package io.parley.core.analytics;

import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums of the counters ({@code analytics_counts} for hour groups, {@code analytics_count_days} otherwise) per group
 * key, metric and dimension, for a range.
 */
final class Counters {

    /** label → "metric/dimension" → sum. */
    private final Map<String, Map<String, Long>> byLabel = new LinkedHashMap<>();
    private final Map<String, Long> total = new HashMap<>();

    private Counters() {
    }

    static Counters read(Connection connection, AnalyticsRange range, List<String> metrics) {
        // bots and channels summed per period first: the key's arithmetic then runs once per period, not per row
        String sql = """
                SELECT %s AS k, metric, dimension, sum(v)
                FROM (SELECT %s AS p, a.metric, a.dimension, sum(a.value) AS v
                      FROM %s a
                      WHERE a.tenant_id = :t AND %s AND a.metric = ANY(:metrics)%s
                      GROUP BY 1, 2, 3) AS b
                GROUP BY 1, 2, 3""".formatted(range.groupSql("b.p"), range.periodColumn("a"),
                range.table("analytics_counts", "analytics_count_days"), range.periodSql("a"), range.filterSql("a"));
        Map<String, Object> values = range.values();
        values.put("metrics", metrics.toArray(String[]::new));
        Counters counters = new Counters();
        for (Object[] row : Jdbc.rows(connection, sql, values)) {
            String name = row[1] + "/" + row[2];
            long value = Jdbc.number(row[3]);
            counters.byLabel.computeIfAbsent(range.label(row[0]), k -> new HashMap<>()).merge(name, value, Long::sum);
            counters.total.merge(name, value, Long::sum);
        }
        return counters;
    }

    /** The sum of metric/dimension in a group (dimension null: every dimension of the metric). */
    long get(String label, String metric, String dimension) {
        return sum(byLabel.getOrDefault(label, Map.of()), metric, dimension);
    }

    long total(String metric, String dimension) {
        return sum(total, metric, dimension);
    }

    /** Dimensions seen for a metric over the range. */
    List<String> dimensions(String metric) {
        return total.keySet().stream().filter(name -> name.startsWith(metric + "/"))
                .map(name -> name.substring(metric.length() + 1)).sorted().toList();
    }

    private static long sum(Map<String, Long> sums, String metric, String dimension) {
        if (dimension != null) {
            return sums.getOrDefault(metric + "/" + dimension, 0L);
        }
        long sum = 0;
        for (Map.Entry<String, Long> entry : sums.entrySet()) {
            if (entry.getKey().startsWith(metric + "/")) {
                sum += entry.getValue();
            }
        }
        return sum;
    }
}
