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
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Brings a tenant's rollups ({@code analytics_counts}, {@code analytics_contact_hours}) up to date from the
 * committed raw rows: every bucket from {@code watermark − lookback} on is deleted and computed again in one
 * transaction, so late rows and later statuses are corrected and a refresh run twice gives the same rows. The raw
 * rows are found through their UUIDv7 ids (time-ordered primary keys), never by scanning the tenant.
 *
 * <p>The first refresh, and one after a time zone change to another alignment, rebuilds the whole history.
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
        try (PreparedStatement state = NamedSql.prepare(connection,
                "SELECT align_minutes, watermark FROM analytics_rollup_state WHERE tenant_id = :t FOR UPDATE",
                Map.of("t", tenant)); ResultSet row = state.executeQuery()) {
            if (row.next() && row.getInt(1) == align && row.getTimestamp(2) != null) {
                from = row.getTimestamp(2).toInstant().minus(settings.rollupLookback());
            }
        }
        Instant origin = BEGINNING.plus(Duration.ofMinutes(align));
        // Whole buckets are recomputed: the rows are read from the first one's start, not from the lookback's instant
        // (reading from mid-bucket lost the bucket's earlier rows).
        Instant firstBucket = bucketOf(from, origin);
        Map<String, Object> values = new HashMap<>();
        values.put("t", tenant);
        values.put("origin", origin);
        values.put("from", firstBucket);
        values.put("lowest", Ids.lowestAt(firstBucket.minus(ID_SLACK)));
        values.put("none", NO_CHANNEL);
        values.put("first", firstBucket);
        execute(connection, "DELETE FROM analytics_counts WHERE tenant_id = :t AND bucket >= :first", values);
        execute(connection, "DELETE FROM analytics_contact_hours WHERE tenant_id = :t AND bucket >= :first", values);
        execute(connection, RollupSql.COUNTS, values);
        execute(connection, RollupSql.CONTACT_HOURS, values);
        values.put("align", align);
        values.put("now", now);
        execute(connection, """
                INSERT INTO analytics_rollup_state (tenant_id, align_minutes, watermark, refreshed_at)
                VALUES (:t, :align, :now, now())
                ON CONFLICT (tenant_id) DO UPDATE SET align_minutes = EXCLUDED.align_minutes,
                    watermark = EXCLUDED.watermark, refreshed_at = now()""", values);
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
