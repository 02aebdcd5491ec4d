package io.parley.core.analytics;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * <p>The first refresh, one after a time zone change, and one of rollups built before V135 or V150 rebuild the whole
 * history instead ({@link RollupRebuild}): in slices of whole weeks, each its own transaction, resumed after a crash.
 */
@Singleton
public final class AnalyticsRollup {

    static final UUID NO_CHANNEL = new UUID(0, 0);

    private final TenantScope scope;
    private final DataSource dataSource;
    private final AnalyticsSettings settings;

    AnalyticsRollup(TenantScope scope, DataSource dataSource, AnalyticsSettings settings) {
        this.scope = scope;
        this.dataSource = dataSource; // transaction-aware: statements join the tenant scope's transaction
        this.settings = settings;
    }

    /** Brings the tenant's rollups up to date: an incremental refresh, or every slice of a rebuild left. */
    public void refresh(TenantId tenant) {
        refresh(tenant, Integer.MAX_VALUE);
    }

    /**
     * Refreshes the tenant's rollups, running at most {@code maxTransactions} transactions (a rebuild's slices);
     * returns whether they are up to date (false: a rebuild is left half done, the next refresh resumes it).
     */
    public boolean refresh(TenantId tenant, int maxTransactions) {
        for (int done = 0; done < maxTransactions; done++) {
            boolean finished = scope.write(tenant, () -> {
                try {
                    return step(dataSource.getConnection(), tenant.value(), Instant.now());
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not refresh the analytics rollups", e);
                }
            });
            if (finished) {
                return true;
            }
        }
        return false;
    }

    /** One transaction: an incremental refresh (true), or one slice of a rebuild (true when it was the last). */
    private boolean step(Connection connection, UUID tenant, Instant now) throws SQLException {
        // Taken first: whatever it sees is read by every statement below; whatever it does not, the next refresh reads.
        String snapshot = one(connection, "SELECT CAST(pg_current_snapshot() AS text)", Map.of());
        ZoneId zone = ZoneId.of(one(connection, "SELECT time_zone FROM tenants WHERE id = :t", Map.of("t", tenant)));
        int align = TenantZones.alignMinutes(zone, now);
        RollupState state = RollupState.lock(connection, tenant);
        RollupRebuild rebuild = new RollupRebuild(connection, tenant, zone, align, settings.rebuildSliceWeeks());
        if (state == null || !state.current(zone, align)) {
            // built in another zone or alignment, before V135 or V150, never, or a rebuild under way in another zone
            rebuild.start(snapshot, now);
            return rebuild.slice(RollupRebuild.FIRST_DAY, now);
        }
        if (state.rebuildNext() != null) {
            return rebuild.slice(state.rebuildNext(), now);
        }
        Instant origin = RollupRebuild.origin(align);
        Instant from = state.watermark().minus(settings.rollupLookback());
        // Whole buckets are recomputed: the rows are read from the first one's start, not from the lookback's instant
        // (reading from mid-bucket lost the bucket's earlier rows).
        List<Instant> changed = changedBuckets(connection, tenant, bucketOf(from, origin), origin, state.snapshot());
        if (!changed.isEmpty()) {
            RollupWindow.changed(changed, zone).recompute(connection, tenant, zone, origin);
        }
        Map<String, Object> values = new HashMap<>();
        values.put("t", tenant);
        values.put("now", now);
        values.put("snapshot", snapshot);
        RollupWindow.execute(connection, """
                UPDATE analytics_rollup_state SET watermark = :now, refreshed_at = now(),
                    snapshot = CAST(:snapshot AS pg_snapshot)
                WHERE tenant_id = :t""", values);
        return true;
    }

    /**
     * The hourly buckets whose raw rows changed since the last refresh, among the rows of the lookback window
     * (found by id from {@code from}).
     */
    private static List<Instant> changedBuckets(Connection connection, UUID tenant, Instant from, Instant origin,
                                                String previous) throws SQLException {
        Map<String, Object> query = new HashMap<>();
        query.put("t", tenant);
        query.put("origin", origin);
        query.put("from", from);
        query.put("until", RollupWindow.OPEN);
        query.put("lowest", RollupWindow.lowest(from));
        query.put("highest", new UUID(-1L, -1L));
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

    /** The start of the bucket holding {@code at}: whole hours from {@code origin}. */
    static Instant bucketOf(Instant at, Instant origin) {
        long hours = Math.floorDiv(Duration.between(origin, at).toSeconds(), 3600);
        return origin.plusSeconds(hours * 3600);
    }

    static String one(Connection connection, String sql, Map<String, ?> values) throws SQLException {
        try (PreparedStatement statement = NamedSql.prepare(connection, sql, values);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
