package io.parley.core.analytics;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the precomputed distinct counts ({@code analytics_active_days}, {@code analytics_retention}, written by
 * {@link DistinctSql}) for day, week and month groups: exact, and a few rows per day of the range whatever the
 * tenant's contacts. An entity (a contact, or a conversation) is active in the days {@code a..b} when it has an
 * active day there; it is counted once, on the first of them: the day whose previous active day is before
 * {@code a}.
 */
final class DistinctCounts {

    static final String CONTACT = "contact";
    static final String CONVERSATION = "conversation";

    private DistinctCounts() {
    }

    /** Active and new entities per group, and over the whole range. */
    record Groups(Map<String, long[]> byLabel, long total) {
        long active(String label) {
            return byLabel.getOrDefault(label, new long[2])[0];
        }

        long fresh(String label) {
            return byLabel.getOrDefault(label, new long[2])[1];
        }
    }

    /** The range's distinct active entities of {@code kind} per group ({@code [active, new]}) and in total. */
    static Groups groups(Connection connection, AnalyticsRange range, String kind) {
        String key = range.groupSql("a.day");
        String sql = """
                SELECT %1$s AS k,
                       sum(a.entities) FILTER (WHERE a.prev_day < greatest(%1$s, :fromDay)),
                       sum(a.entities) FILTER (WHERE a.prev_day = '-infinity' AND %2$s = %1$s),
                       sum(a.entities) FILTER (WHERE a.prev_day < :fromDay)
                FROM analytics_active_days a
                WHERE a.tenant_id = :t AND a.kind = :kind AND a.bot_id = :scopeBot AND a.channel_id = :scopeChannel
                  AND a.day >= :fromDay AND a.day <= :toDay
                GROUP BY 1""".formatted(key, range.groupSql("a.created_day"));
        Map<String, Object> values = scoped(range);
        values.put("kind", kind);
        Map<String, long[]> byLabel = new HashMap<>();
        long total = 0;
        for (Object[] row : Jdbc.rows(connection, sql, values)) {
            byLabel.put(range.label(row[0]), new long[]{Jdbc.number(row[1]), Jdbc.number(row[2])});
            total += Jdbc.number(row[3]);
        }
        return new Groups(byLabel, total);
    }

    /**
     * Hour groups: the distinct active and new entities of each bucket ({@code analytics_active_hours}: an hour group
     * is one bucket), and over the whole range (its local days) from the active days.
     */
    static Groups hours(Connection connection, AnalyticsRange range, String kind) {
        Map<String, Object> values = scoped(range);
        values.put("kind", kind);
        Map<String, long[]> byLabel = new HashMap<>();
        for (Object[] row : Jdbc.rows(connection, """
                SELECT a.bucket, a.entities, a.new_entities
                FROM analytics_active_hours a
                WHERE a.tenant_id = :t AND a.kind = :kind AND a.bot_id = :scopeBot AND a.channel_id = :scopeChannel
                  AND a.bucket >= :start AND a.bucket < :end""", values)) {
            byLabel.put(range.label(row[0]), new long[]{Jdbc.number(row[1]), Jdbc.number(row[2])});
        }
        List<Object[]> total = Jdbc.rows(connection, """
                SELECT sum(a.entities)
                FROM analytics_active_days a
                WHERE a.tenant_id = :t AND a.kind = :kind AND a.bot_id = :scopeBot AND a.channel_id = :scopeChannel
                  AND a.day >= :fromDay AND a.day <= :toDay AND a.prev_day < :fromDay""", values);
        return new Groups(byLabel, Jdbc.number(total.getFirst()[0]));
    }

    /** Day, week and month groups from the active days, hour groups from the active hours. */
    static Groups of(Connection connection, AnalyticsRange range, String kind) {
        return range.daily() ? groups(connection, range, kind) : hours(connection, range, kind);
    }

    /**
     * Per day from {@code windowStart}: {@code [dau, Δwau, Δmau]}. An active day {@code x} with previous active day
     * {@code p} counts in the WAU of the days {@code max(x, p + 7) .. x + 6} (the 7-day windows holding x and not
     * p), so it adds at the first and leaves the day after the last; the same with 30 for MAU.
     */
    static Map<LocalDate, long[]> activeChanges(Connection connection, AnalyticsRange range, LocalDate windowStart) {
        // previous days more than 30 days back count alike here: summed into one row per day first
        String sql = """
                SELECT a.day, CAST(greatest(a.prev_day, a.day - 31) - a.day AS integer), sum(a.entities)
                FROM analytics_active_days a
                WHERE a.tenant_id = :t AND a.kind = 'contact' AND a.bot_id = :scopeBot
                  AND a.channel_id = :scopeChannel AND a.day >= :windowStart AND a.day <= :toDay
                GROUP BY 1, 2""";
        Map<String, Object> values = scoped(range);
        values.put("windowStart", windowStart);
        Map<LocalDate, long[]> changes = new HashMap<>();
        for (Object[] row : Jdbc.rows(connection, sql, values)) {
            LocalDate day = ((java.sql.Date) row[0]).toLocalDate();
            LocalDate previous = day.plusDays(Jdbc.number(row[1])); // day - 31 at the earliest
            long entities = Jdbc.number(row[2]);
            changes.computeIfAbsent(day, d -> new long[3])[0] += entities;
            add(changes, max(day, previous.plusDays(7)), 1, entities);
            add(changes, day.plusDays(7), 1, -entities);
            add(changes, max(day, previous.plusDays(30)), 2, entities);
            add(changes, day.plusDays(30), 2, -entities);
        }
        return changes;
    }

    private static void add(Map<LocalDate, long[]> changes, LocalDate day, int index, long entities) {
        changes.computeIfAbsent(day, d -> new long[3])[index] += entities;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Cohorts of the range: {@code [cohort, size, active in period 1, …]} per cohort day (or ISO week: the sums of
     * its days inside the range), in order.
     */
    static List<Object[]> retention(Connection connection, AnalyticsRange range, boolean weekly,
                                    List<Integer> periods) {
        String cohort = weekly ? "CAST(date_trunc('week', CAST(r.cohort AS timestamp)) AS date)" : "r.cohort";
        StringBuilder columns = new StringBuilder();
        for (int period : periods) {
            columns.append(", sum(r.contacts) FILTER (WHERE r.unit = :unit AND r.period = ").append(period)
                    .append(" AND r.bot_id = :scopeBot AND r.channel_id = :scopeChannel)");
        }
        String sql = """
                SELECT %1$s, sum(r.contacts) FILTER (WHERE r.unit = 'day' AND r.period = 0)%2$s
                FROM analytics_retention r
                WHERE r.tenant_id = :t AND r.cohort >= :fromDay AND r.cohort <= :toDay
                  AND ((r.unit = 'day' AND r.period = 0 AND r.bot_id = :none AND r.channel_id = :none)
                    OR (r.unit = :unit AND r.period > 0 AND r.bot_id = :scopeBot AND r.channel_id = :scopeChannel))
                GROUP BY 1
                HAVING sum(r.contacts) FILTER (WHERE r.unit = 'day' AND r.period = 0) > 0
                ORDER BY 1""".formatted(cohort, columns);
        Map<String, Object> values = scoped(range);
        values.put("unit", weekly ? "week" : "day");
        return Jdbc.rows(connection, sql, values);
    }

    /**
     * The scope of the rows to read: the bot and channel asked for, the zero UUID for "any". An id that is the
     * zero UUID itself names nothing, so it reads a scope that has no rows.
     */
    static Map<String, Object> scoped(AnalyticsRange range) {
        Map<String, Object> values = range.values();
        values.put("none", AnalyticsRollup.NO_CHANNEL);
        values.put("scopeBot", scope(range.bot()));
        values.put("scopeChannel", scope(range.channel()));
        return values;
    }

    private static UUID scope(UUID id) {
        if (id == null) {
            return AnalyticsRollup.NO_CHANNEL;
        }
        return id.equals(AnalyticsRollup.NO_CHANNEL) ? new UUID(0, 1) : id;
    }
}
