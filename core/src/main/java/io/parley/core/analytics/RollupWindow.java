package io.parley.core.analytics;

import io.parley.core.tenancy.Ids;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What one refresh transaction recomputes, and the statements that do it: the hourly buckets of {@code from} ..
 * {@code until} (every one, or only {@code buckets}: those whose raw rows changed), the local days they fall in, and
 * the distinct counts of the days {@code distinctFrom} .. {@code lastDay}. An incremental refresh is open-ended
 * ({@link #OPEN}); a slice of a full rebuild is bounded by whole local days (whole ISO weeks, so that its week
 * cohorts are complete).
 *
 * @param buckets null: every bucket of the window
 * @param carried a slice of a full rebuild: the entities' previous active days come from
 *                {@code analytics_rebuild_last} (the slices before carried them forward), not from lookups
 */
record RollupWindow(Instant from, Instant until, List<Instant> buckets, LocalDate firstDay, LocalDate lastDay,
                    LocalDate distinctFrom, boolean carried) {

    /** No end: the refresh runs to whatever is there. */
    static final Instant OPEN = Instant.parse("9999-01-01T00:00:00Z");
    static final LocalDate OPEN_DAY = LocalDate.of(9998, 12, 31);
    /** Rows are looked up by id from this long around the window: a row's id may be a little off its time. */
    static final java.time.Duration ID_SLACK = java.time.Duration.ofHours(1);
    static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    private static final UUID HIGHEST = new UUID(-1L, -1L);

    /**
     * A rebuild's slice: the whole local days {@code firstDay} .. {@code lastDay} (lastDay {@link #OPEN_DAY}:
     * open-ended).
     */
    static RollupWindow days(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
        Instant until = lastDay.equals(OPEN_DAY) ? OPEN : lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        return new RollupWindow(firstDay.atStartOfDay(zone).toInstant(), until, null, firstDay, lastDay, firstDay,
                true);
    }

    /** The buckets whose raw rows changed (in order), their local days, and the distinct counts from then on. */
    static RollupWindow changed(List<Instant> buckets, ZoneId zone) {
        LocalDate firstDay = buckets.getFirst().atZone(zone).toLocalDate();
        return new RollupWindow(buckets.getFirst(), OPEN, buckets, firstDay, OPEN_DAY, firstDay, false);
    }

    /** Deletes the window's rollup rows and computes them again from the raw rows. */
    void recompute(Connection connection, UUID tenant, ZoneId zone, Instant origin) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("t", tenant);
        values.put("tz", zone.getId());
        values.put("origin", origin);
        values.put("none", AnalyticsRollup.NO_CHANNEL);
        values.put("from", from);
        values.put("first", from);
        values.put("until", until);
        values.put("lowest", lowest(from));
        values.put("highest", until.equals(OPEN) ? HIGHEST : Ids.lowestAt(until.plus(ID_SLACK)));
        values.put("every", buckets == null);
        values.put("buckets", buckets == null ? "{}" : buckets.stream().map(Instant::toString)
                .collect(Collectors.joining(",", "{", "}")));
        values.put("everyDay", buckets == null);
        values.put("days", buckets == null ? "{}" : buckets.stream()
                .map(bucket -> bucket.atZone(zone).toLocalDate().toString()).distinct()
                .collect(Collectors.joining(",", "{", "}")));
        values.put("firstDay", firstDay);
        values.put("lastDay", lastDay);
        values.put("dayStart", firstDay.atStartOfDay(zone).toInstant());
        values.put("dayEnd", until);
        for (String table : RollupSql.HOURLY_TABLES) {
            execute(connection, "DELETE FROM " + table + " WHERE tenant_id = :t AND bucket >= :first"
                    + " AND bucket < :until"
                    + " AND (CAST(:every AS boolean) OR bucket = ANY(CAST(:buckets AS timestamptz[])))", values);
        }
        for (String table : RollupSql.DAILY_TABLES) {
            execute(connection, "DELETE FROM " + table + " WHERE tenant_id = :t AND day >= :firstDay"
                    + " AND day <= :lastDay"
                    + " AND (CAST(:everyDay AS boolean) OR day = ANY(CAST(:days AS date[])))", values);
        }
        for (String sql : List.of(RollupSql.COUNTS, RollupSql.LATENCY, RollupSql.CONTACT_HOURS, RollupSql.ACTIVE_HOURS,
                RollupSql.COUNT_DAYS, RollupSql.LATENCY_DAYS, RollupSql.CONTACT_DAYS)) {
            execute(connection, sql, values);
        }
        for (String sql : ContactMonths.REFRESH) {
            execute(connection, sql, values);
        }
        Instant distinctStart = distinctFrom.atStartOfDay(zone).toInstant();
        values.put("firstDay", distinctFrom);
        values.put("dayStart", distinctStart);
        values.put("firstWeek", distinctFrom.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        values.put("lowestContact", lowest(distinctStart));
        for (String sql : DistinctSql.DELETES) {
            execute(connection, sql, values);
        }
        for (String sql : DistinctSql.inserts(carried)) {
            execute(connection, sql, values);
        }
    }

    /** The smallest id of the rows from {@code at} on (never before 2000: an id of a negative time sorts last). */
    static UUID lowest(Instant at) {
        Instant from = at.minus(ID_SLACK);
        return Ids.lowestAt(from.isBefore(BEGINNING) ? BEGINNING : from);
    }

    static void execute(Connection connection, String sql, Map<String, ?> values) throws SQLException {
        try (PreparedStatement statement = NamedSql.prepare(connection, sql, values)) {
            statement.executeUpdate();
        }
    }
}
