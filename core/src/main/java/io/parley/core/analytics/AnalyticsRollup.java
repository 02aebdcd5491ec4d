package io.parley.core.analytics;

import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Brings a tenant's rollups up to date from the committed raw rows: the hourly buckets ({@code analytics_counts},
 * {@code analytics_latency_hours}, {@code analytics_contact_hours}) holding rows that the last refresh's snapshot
 * could not see (inserted, updated or committed late since; among the rows from {@code watermark − lookback} on)
 * are deleted and computed again, then every local day those buckets touch ({@code analytics_count_days},
 * {@code analytics_latency_days}, {@code analytics_contact_days}) is summed again from its hours, then the distinct
 * counts ({@link DistinctSql}) from the first of those days on, all in one transaction: late rows and later statuses
 * are corrected and a refresh run twice gives the same rows. The raw rows are found through their UUIDv7 ids
 * (time-ordered primary keys), never by scanning the tenant.
 *
 * <p>The first refresh, and one after a time zone change to another alignment, rebuilds the whole history; after a
 * change to a zone of the same alignment the hourly rows stay and every daily row is summed again in the new zone.
 */
@Singleton
public final class AnalyticsRollup {

    /** Rows are looked up by id from this long before the window: a row's id may be a little older than its time. */
    private static final Duration ID_SLACK = Duration.ofHours(1);
    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    static final UUID NO_CHANNEL = new UUID(0, 0);

    private final TenantScope scope;
    private final DataSource dataSource;
    private final AnalyticsSettings settings;

    AnalyticsRollup(TenantScope scope, DataSource dataSource, AnalyticsSettings settings) {
        this.scope = scope;
        this.dataSource = dataSource; // transaction-aware: statements join the tenant scope's transaction
        this.settings = settings;
    }

    /** Refreshes the tenant's buckets up to now; returns the first bucket recomputed. */
    public Instant refresh(TenantId tenant) {
        return scope.write(tenant, () -> {
            try {
                return refresh(dataSource.getConnection(), tenant.value(), Instant.now());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not refresh the analytics rollups", e);
            }
        });
    }

    private Instant refresh(Connection connection, UUID tenant, Instant now) throws SQLException {
        // Taken first: whatever it sees is read by every statement below; whatever it does not, the next refresh reads.
        String snapshot = one(connection, "SELECT CAST(pg_current_snapshot() AS text)", Map.of());
        ZoneId zone = ZoneId.of(one(connection, "SELECT time_zone FROM tenants WHERE id = :t", Map.of("t", tenant)));
        int align = TenantZones.alignMinutes(zone, now);
        Instant from = BEGINNING;
        boolean sameZone = false;
        String previous = null;
        try (PreparedStatement state = NamedSql.prepare(connection, """
                SELECT align_minutes, watermark, time_zone, CAST(snapshot AS text)
                FROM analytics_rollup_state WHERE tenant_id = :t FOR UPDATE""", Map.of("t", tenant));
             ResultSet row = state.executeQuery()) {
            // time_zone NULL: built before the daily and histogram tables (V135), so rebuilt whole
            if (row.next() && row.getInt(1) == align && row.getTimestamp(2) != null && row.getString(3) != null) {
                from = row.getTimestamp(2).toInstant().minus(settings.rollupLookback());
                sameZone = row.getString(3).equals(zone.getId());
                previous = row.getString(4); // NULL: built before V150, the distinct counts are built whole
            }
        }
        Instant origin = BEGINNING.plus(Duration.ofMinutes(align));
        // Whole buckets are recomputed: the rows are read from the first one's start, not from the lookback's instant
        // (reading from mid-bucket lost the bucket's earlier rows).
        Map<String, Object> values = new HashMap<>();
        values.put("t", tenant);
        values.put("tz", zone.getId());
        values.put("origin", origin);
        values.put("none", NO_CHANNEL);
        // A zone change (same alignment) sums every day again; the buckets are then recomputed as before V150.
        Window window = previous == null || !sameZone ? Window.every(bucketOf(from, origin))
                : Window.changed(changedBuckets(connection, values, bucketOf(from, origin), previous));
        if (window.first() != null) {
            recompute(connection, values, window, zone, sameZone, previous != null);
        }
        values.put("align", align);
        values.put("now", now);
        values.put("snapshot", snapshot);
        execute(connection, """
                INSERT INTO analytics_rollup_state (tenant_id, align_minutes, watermark, time_zone, refreshed_at,
                    snapshot)
                VALUES (:t, :align, :now, :tz, now(), CAST(:snapshot AS pg_snapshot))
                ON CONFLICT (tenant_id) DO UPDATE SET align_minutes = EXCLUDED.align_minutes,
                    watermark = EXCLUDED.watermark, time_zone = EXCLUDED.time_zone, refreshed_at = now(),
                    snapshot = EXCLUDED.snapshot""", values);
        return window.first() == null ? bucketOf(now, origin) : window.first();
    }

    /**
     * The hourly buckets whose raw rows changed since the last refresh, among the rows of the lookback window
     * (found by id from {@code from}).
     */
    private static List<Instant> changedBuckets(Connection connection, Map<String, Object> values, Instant from,
                                                String previous) throws SQLException {
        Map<String, Object> query = new HashMap<>(values);
        query.put("from", from);
        query.put("lowest", Ids.lowestAt(from.minus(ID_SLACK)));
        query.put("snapshot", previous);
        List<Instant> buckets = new ArrayList<>();
        try (PreparedStatement statement = NamedSql.prepare(connection, RollupSql.CHANGED_BUCKETS, query);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                buckets.add(rows.getTimestamp(1).toInstant());
            }
        }
        return buckets;
    }

    /**
     * Deletes and computes again the window's hourly buckets, the local days they touch (every day after a zone
     * change: its days are others) and the distinct counts from the first of those days on (from the beginning when
     * they were never built).
     */
    private static void recompute(Connection connection, Map<String, Object> values, Window window, ZoneId zone,
                                  boolean sameZone, boolean distinctBuilt) throws SQLException {
        Instant first = window.first();
        LocalDate firstDay = sameZone ? first.atZone(zone).toLocalDate() : LocalDate.of(1970, 1, 1);
        LocalDate distinctDay = distinctBuilt ? firstDay : LocalDate.of(1970, 1, 1);
        values.put("from", first);
        values.put("first", first);
        values.put("lowest", Ids.lowestAt(first.minus(ID_SLACK)));
        values.put("every", window.buckets() == null);
        values.put("buckets", window.buckets() == null ? "{}" : window.buckets().stream().map(Instant::toString)
                .collect(Collectors.joining(",", "{", "}")));
        values.put("everyDay", window.buckets() == null || !sameZone);
        values.put("days", window.buckets() == null ? "{}" : window.buckets().stream()
                .map(bucket -> bucket.atZone(zone).toLocalDate().toString()).distinct()
                .collect(Collectors.joining(",", "{", "}")));
        values.put("firstDay", firstDay);
        values.put("dayStart", firstDay.atStartOfDay(zone).toInstant());
        for (String table : RollupSql.HOURLY_TABLES) {
            execute(connection, "DELETE FROM " + table + " WHERE tenant_id = :t AND bucket >= :first"
                    + " AND (CAST(:every AS boolean) OR bucket = ANY(CAST(:buckets AS timestamptz[])))", values);
        }
        for (String table : RollupSql.DAILY_TABLES) {
            execute(connection, "DELETE FROM " + table + " WHERE tenant_id = :t AND day >= :firstDay"
                    + " AND (CAST(:everyDay AS boolean) OR day = ANY(CAST(:days AS date[])))", values);
        }
        for (String sql : List.of(RollupSql.COUNTS, RollupSql.LATENCY, RollupSql.CONTACT_HOURS,
                RollupSql.COUNT_DAYS, RollupSql.LATENCY_DAYS, RollupSql.CONTACT_DAYS)) {
            execute(connection, sql, values);
        }
        values.put("firstDay", distinctDay);
        values.put("dayStart", distinctDay.atStartOfDay(zone).toInstant());
        values.put("firstWeek", distinctDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        // never before 2000: an id of a negative time would sort after every other
        Instant contactsFrom = distinctDay.atStartOfDay(zone).toInstant().minus(ID_SLACK);
        values.put("lowestContact", Ids.lowestAt(contactsFrom.isBefore(BEGINNING) ? BEGINNING : contactsFrom));
        for (String sql : DistinctSql.DELETES) {
            execute(connection, sql, values);
        }
        for (String sql : DistinctSql.INSERTS) {
            execute(connection, sql, values);
        }
    }

    /**
     * What a refresh recomputes: every bucket from {@code first} on ({@code buckets} null: the first refresh, and
     * the first after V150), or the buckets listed (none: nothing changed).
     */
    private record Window(Instant first, List<Instant> buckets) {
        static Window every(Instant first) {
            return new Window(first, null);
        }

        static Window changed(List<Instant> buckets) {
            return new Window(buckets.isEmpty() ? null : buckets.getFirst(), buckets);
        }
    }

    /** The start of the bucket holding {@code at}: whole hours from {@code origin}. */
    static Instant bucketOf(Instant at, Instant origin) {
        long hours = Math.floorDiv(Duration.between(origin, at).toSeconds(), 3600);
        return origin.plusSeconds(hours * 3600);
    }

    private static String one(Connection connection, String sql, Map<String, ?> values) throws SQLException {
        try (PreparedStatement statement = NamedSql.prepare(connection, sql, values);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(Connection connection, String sql, Map<String, ?> values) throws SQLException {
        try (PreparedStatement statement = NamedSql.prepare(connection, sql, values)) {
            statement.executeUpdate();
        }
    }
}
