package io.parley.core.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.parley.core.message.JobKinds;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Suspending a tenant (docs/operator-console.md, "Suspending a tenant"): its webhooks are still acknowledged and
 * stored, but its bots answer nothing — each inbound turn is <em>held</em> ({@code held_turns}) instead of run — and
 * a resume enqueues the held turns again, in the order they came, so every message is answered then.
 *
 * <p>Turns ask {@link #holds} first. The set of suspended tenants is kept in memory and read again at most every
 * {@code parley.admin.suspension-refresh} (default 5 s), so a tenant that is not suspended costs a turn no query;
 * a suspension made by another process takes effect within that time. Whether a turn is held is then decided in the
 * database, under a share lock of the suspension row, so a resume never misses a turn held at the same moment.
 */
@Singleton
public final class TenantSuspensions {

    /** The suspension of a tenant. */
    public record Suspension(String reason, Instant since, String by) {
    }

    private final TenantScope scope;
    private final DataSource dataSource;
    private final JobQueue queue;
    private final Duration refresh;
    private volatile Snapshot snapshot = new Snapshot(Set.of(), 0);

    private record Snapshot(Set<UUID> tenants, long loadedAtNanos) {
    }

    TenantSuspensions(TenantScope scope, DataSource dataSource, JobQueue queue,
                      @Value("${parley.admin.suspension-refresh:5s}") Duration refresh) {
        this.scope = scope;
        this.dataSource = dataSource; // transaction-aware
        this.queue = queue;
        this.refresh = refresh;
    }

    /** Inside a platform scope for {@code tenant}: suspends it; false when it was suspended already. */
    public boolean suspend(TenantId tenant, String reason, String by) {
        boolean inserted = update("INSERT INTO tenant_suspensions (tenant_id, reason, suspended_by) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", tenant.value(), reason, by) == 1;
        forget();
        return inserted;
    }

    /**
     * Inside a platform scope for {@code tenant}: ends its suspension and enqueues its held turns again; the number
     * of turns enqueued, or empty when it was not suspended.
     */
    public Optional<Integer> resume(TenantId tenant) {
        List<Instant> ended = new ArrayList<>();
        try (PreparedStatement delete = connection().prepareStatement(
                "DELETE FROM tenant_suspensions WHERE tenant_id = ? RETURNING suspended_at")) {
            delete.setObject(1, tenant.value());
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    ended.add(rows.getTimestamp(1).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the suspension", e);
        }
        forget();
        if (ended.isEmpty()) {
            return Optional.empty();
        }
        List<JobRequest> jobs = new ArrayList<>();
        String suspension = Long.toString(ended.getFirst().toEpochMilli());
        try (PreparedStatement held = connection().prepareStatement(
                "DELETE FROM held_turns WHERE tenant_id = ? RETURNING event_id, serial_key, held_at")) {
            held.setObject(1, tenant.value());
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = held.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[]{result.getObject(1, UUID.class), result.getString(2),
                            result.getTimestamp(3).toInstant()});
                }
            }
            rows.sort((a, b) -> ((Instant) a[2]).compareTo((Instant) b[2]));
            for (Object[] row : rows) {
                // the same job the ingress made (InboundEventWriter), under a new unique key: the first one ran
                JobRequest job = JobRequest.of(JobKinds.INBOUND_TURN, "{\"eventId\":\"" + row[0] + "\"}")
                        .unique("resumed:" + row[0] + ":" + suspension).maxAttempts(5);
                jobs.add(row[1] == null ? job : job.serial((String) row[1]));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the held turns", e);
        }
        return Optional.of(queue.enqueueAll(tenant, jobs));
    }

    /** The tenant's suspension, if any (any scope: the table is readable without one). */
    public Optional<Suspension> find(TenantId tenant) {
        try (PreparedStatement query = connection().prepareStatement(
                "SELECT reason, suspended_at, suspended_by FROM tenant_suspensions WHERE tenant_id = ?")) {
            query.setObject(1, tenant.value());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Suspension(rows.getString(1), rows.getTimestamp(2).toInstant(),
                        rows.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the suspension", e);
        }
    }

    /**
     * At the start of an inbound turn, outside any transaction: true when the tenant is suspended and the turn of
     * {@code eventId} (job {@code jobId}) is now held for the resume — the caller then stops. False for every tenant
     * that is not suspended, without a query unless this process's snapshot is older than the refresh interval.
     */
    public boolean holds(TenantId tenant, long jobId, UUID eventId) {
        if (!suspended().contains(tenant.value())) {
            return false;
        }
        return scope.write(tenant, () -> {
            try (PreparedStatement lock = connection().prepareStatement(
                    "SELECT 1 FROM tenant_suspensions WHERE tenant_id = ? FOR SHARE")) {
                lock.setObject(1, tenant.value());
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next()) {
                        return false; // resumed since the snapshot: run the turn
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the suspension", e);
            }
            update("""
                    INSERT INTO held_turns (tenant_id, event_id, serial_key)
                    VALUES (?, ?, (SELECT serial_key FROM jobs WHERE tenant_id = ? AND id = ?))
                    ON CONFLICT DO NOTHING""", tenant.value(), eventId, tenant.value(), jobId);
            return true;
        });
    }

    /** The suspended tenants as this process knows them (refreshed at most every refresh interval). */
    Set<UUID> suspended() {
        Snapshot current = snapshot;
        if (System.nanoTime() - current.loadedAtNanos() < refresh.toNanos() && current.loadedAtNanos() != 0) {
            return current.tenants();
        }
        Set<UUID> tenants = new HashSet<>();
        scope.asPlatform(null, () -> {
            try (PreparedStatement query = connection().prepareStatement("SELECT tenant_id FROM tenant_suspensions");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tenants.add(rows.getObject(1, UUID.class));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the suspended tenants", e);
            }
            return null;
        });
        snapshot = new Snapshot(Set.copyOf(tenants), Math.max(1, System.nanoTime()));
        return snapshot.tenants();
    }

    /** A suspension or resume made in this process counts at once here (others see it within the refresh). */
    private void forget() {
        snapshot = new Snapshot(Set.of(), 0);
    }

    private int update(String sql, @Nullable Object... values) {
        return Statements.update(dataSource, "change the suspension", sql, values);
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
