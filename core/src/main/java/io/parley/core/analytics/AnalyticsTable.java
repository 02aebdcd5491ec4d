package io.parley.core.analytics;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure as a table: named columns, one row per group (a time bucket, a channel, a contact…) and, where a
 * total means something, the whole range in {@code totals}. The API writes it as JSON or CSV alike.
 */
public record AnalyticsTable(List<String> columns, List<Map<String, Object>> rows,
                             @Nullable Map<String, Object> totals) {

    public AnalyticsTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A row of {@code columns} from values in column order. */
    static Map<String, Object> row(List<String> columns, Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values[i]);
        }
        return row;
    }

    /** {@code part / whole}, rounded to 4 decimals; null when the whole is 0. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    /** Whole micro-units per unit (e.g. cost per contact), null when there are none. */
    static Long per(long total, long count) {
        return count == 0 ? null : Math.round((double) total / count);
    }
}
