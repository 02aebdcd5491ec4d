package io.parley.core.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A full rebuild of a tenant's rollups (docs/analytics.md, "Full rebuilds"), in slices of whole ISO weeks of local
 * days, oldest first, each in its own transaction: the hourly buckets of the slice's days from the raw rows, the
 * days summed, then the distinct counts of the days, which depend only on the contact-days up to them (built by the
 * slices before): each contact's last active day before the slice is carried from slice to slice in
 * {@code analytics_rebuild_last}, committed with the slice. {@code analytics_rollup_state.rebuild_next} records the next slice, so a rebuild interrupted
 * between slices resumes there; a slice is deleted and computed again whole, so one that failed midway is simply
 * run again. Stretches without raw rows are skipped (a slice ends the given number of weeks after the first raw
 * row from its start on), and the slice that reaches now is open-ended.
 */
final class RollupRebuild {

    /** A Monday before any history: the first slice starts here (its statements find rows from 2000 on). */
    static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 5);
    private static final List<String> RAW_TABLES = List.of("messages", "contacts", "conversations", "llm_usage",
            "conversation_handoffs", "flow_fires");

    private final Connection connection;
    private final UUID tenant;
    private final ZoneId zone;
    private final int align;
    private final int sliceWeeks;

    RollupRebuild(Connection connection, UUID tenant, ZoneId zone, int align, int sliceWeeks) {
        this.connection = connection;
        this.tenant = tenant;
        this.zone = zone;
        this.align = align;
        this.sliceWeeks = sliceWeeks;
    }

    /** The rollups' bucket origin for a zone aligned {@code align} minutes past the UTC hour. */
    static Instant origin(int align) {
        return RollupWindow.BEGINNING.plus(Duration.ofMinutes(align));
    }

    /**
     * Records a rebuild from {@link #FIRST_DAY} in this zone. {@code snapshot} and {@code now} become the state's
     * when it ends: the next incremental refresh then looks at every row changed since the rebuild began.
     */
    void start(String snapshot, Instant now) throws SQLException {
        Map<String, Object> values = values();
        values.put("next", FIRST_DAY);
        values.put("snapshot", snapshot);
        values.put("now", now);
        // the last active days carried from slice to slice start again from nothing
        RollupWindow.execute(connection, "DELETE FROM analytics_rebuild_last WHERE tenant_id = :t", values);
        RollupWindow.execute(connection, """
                INSERT INTO analytics_rollup_state (tenant_id, align_minutes, rebuild_next, rebuild_zone,
                    rebuild_align, rebuild_snapshot, rebuild_started)
                VALUES (:t, :align, :next, :tz, :align, CAST(:snapshot AS pg_snapshot), :now)
                ON CONFLICT (tenant_id) DO UPDATE SET rebuild_next = EXCLUDED.rebuild_next,
                    rebuild_zone = EXCLUDED.rebuild_zone, rebuild_align = EXCLUDED.rebuild_align,
                    rebuild_snapshot = EXCLUDED.rebuild_snapshot, rebuild_started = EXCLUDED.rebuild_started""",
                values);
    }

    /** Rebuilds the slice starting {@code firstDay} (a Monday); returns true when it was the last one. */
    boolean slice(LocalDate firstDay, Instant now) throws SQLException {
        LocalDate end = end(firstDay);
        boolean last = end == null || end.atStartOfDay(zone).toInstant().isAfter(now);
        LocalDate lastDay = last ? RollupWindow.OPEN_DAY : end.minusDays(1);
        RollupWindow.days(firstDay, lastDay, zone).recompute(connection, tenant, zone, origin(align));
        Map<String, Object> values = values();
        values.put("next", end);
        values.put("firstDay", firstDay);
        values.put("lastDay", lastDay);
        // the next slice's previous active days; the last slice has none after it
        RollupWindow.execute(connection, last ? "DELETE FROM analytics_rebuild_last WHERE tenant_id = :t"
                : DistinctSql.CARRY_FORWARD, values);
        RollupWindow.execute(connection, last ? """
                UPDATE analytics_rollup_state SET align_minutes = rebuild_align, time_zone = rebuild_zone,
                    watermark = rebuild_started, snapshot = rebuild_snapshot, refreshed_at = now(),
                    rebuild_next = NULL, rebuild_zone = NULL, rebuild_align = NULL, rebuild_snapshot = NULL,
                    rebuild_started = NULL
                WHERE tenant_id = :t""" : """
                UPDATE analytics_rollup_state SET rebuild_next = :next, refreshed_at = now() WHERE tenant_id = :t""",
                values);
        return last;
    }

    /**
     * The day after the slice starting {@code firstDay}: {@code sliceWeeks} weeks after the week of the first raw row
     * from {@code firstDay} on (rows are found by their UUIDv7 ids), or null when there is none.
     */
    private LocalDate end(LocalDate firstDay) throws SQLException {
        Map<String, Object> values = values();
        values.put("lowest", RollupWindow.lowest(firstDay.atStartOfDay(zone).toInstant()));
        Instant first = null;
        for (String table : RAW_TABLES) {
            String id = AnalyticsRollup.one(connection, "SELECT (SELECT CAST(id AS text) FROM " + table
                    + " WHERE tenant_id = :t AND id >= :lowest ORDER BY id LIMIT 1)", values);
            if (id != null) {
                Instant at = Instant.ofEpochMilli(UUID.fromString(id).getMostSignificantBits() >>> 16);
                first = first == null || at.isBefore(first) ? at : first;
            }
        }
        if (first == null) {
            return null;
        }
        LocalDate day = first.atZone(zone).toLocalDate();
        LocalDate from = day.isAfter(firstDay) ? day : firstDay;
        return from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(sliceWeeks);
    }

    private Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        values.put("t", tenant);
        values.put("tz", zone.getId());
        values.put("align", align);
        return values;
    }
}
