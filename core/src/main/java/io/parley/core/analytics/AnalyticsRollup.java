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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Brings a tenant's rollups up to date from the committed raw rows: every hourly bucket from
 * {@code watermark − lookback} on ({@code analytics_counts}, {@code analytics_latency_hours},
 * {@code analytics_contact_hours}) is deleted and computed again, then every local day those buckets touch
 * ({@code analytics_count_days}, {@code analytics_latency_days}, {@code analytics_contact_days}) is summed again
 * from its hours, all in one transaction: late rows and later statuses are corrected and a refresh run twice gives
 * the same rows. The raw rows are found through their UUIDv7 ids (time-ordered primary keys), never by scanning
 * the tenant.
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
        ZoneId zone = ZoneId.of(one(connection, "SELECT time_zone FROM tenants WHERE id = :t", Map.of("t", tenant)));
        int align = TenantZones.alignMinutes(zone, now);
        Instant from = BEGINNING;
        boolean sameZone = false;
        try (PreparedStatement state = NamedSql.prepare(connection,
                "SELECT align_minutes, watermark, time_zone FROM analytics_rollup_state WHERE tenant_id = :t FOR UPDATE",
                Map.of("t", tenant)); ResultSet row = state.executeQuery()) {
            // time_zone NULL: built before the daily and histogram tables (V135), so rebuilt whole
            if (row.next() && row.getInt(1) == align && row.getTimestamp(2) != null && row.getString(3) != null) {
                from = row.getTimestamp(2).toInstant().minus(settings.rollupLookback());
                sameZone = row.getString(3).equals(zone.getId());
            }
        }
        Instant origin = BEGINNING.plus(Duration.ofMinutes(align));
        // Whole buckets are recomputed: the rows are read from the first one's start, not from the lookback's instant
        // (reading from mid-bucket lost the bucket's earlier rows).
        Instant firstBucket = bucketOf(from, origin);
        // Whole local days too, summed from their hourly rows; every day after a zone change (its days are others).
        LocalDate firstDay = sameZone ? firstBucket.atZone(zone).toLocalDate() : LocalDate.of(1970, 1, 1);
        Map<String, Object> values = new HashMap<>();
        values.put("t", tenant);
        values.put("tz", zone.getId());
        values.put("origin", origin);
        values.put("from", firstBucket);
        values.put("lowest", Ids.lowestAt(firstBucket.minus(ID_SLACK)));
        values.put("none", NO_CHANNEL);
        values.put("first", firstBucket);
        values.put("firstDay", firstDay);
        values.put("dayStart", firstDay.atStartOfDay(zone).toInstant());
        for (String table : RollupSql.HOURLY_TABLES) {
            execute(connection, "DELETE FROM " + table + " WHERE tenant_id = :t AND bucket >= :first", values);
        }
        for (String table : RollupSql.DAILY_TABLES) {
            execute(connection, "DELETE FROM " + table + " WHERE tenant_id = :t AND day >= :firstDay", values);
        }
        for (String sql : List.of(RollupSql.COUNTS, RollupSql.LATENCY, RollupSql.CONTACT_HOURS,
                RollupSql.COUNT_DAYS, RollupSql.LATENCY_DAYS, RollupSql.CONTACT_DAYS)) {
            execute(connection, sql, values);
        }
        values.put("align", align);
        values.put("now", now);
        execute(connection, """
                INSERT INTO analytics_rollup_state (tenant_id, align_minutes, watermark, time_zone, refreshed_at)
                VALUES (:t, :align, :now, :tz, now())
                ON CONFLICT (tenant_id) DO UPDATE SET align_minutes = EXCLUDED.align_minutes,
                    watermark = EXCLUDED.watermark, time_zone = EXCLUDED.time_zone, refreshed_at = now()""", values);
        return firstBucket;
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
