package io.parley.core.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.parley.core.message.JobKinds;
import io.parley.core.queue.Job;
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
 * a resume enqueues the held turns again, in the order they came, so every message is answered then. What it would
 * send on its own — broadcasts, proactive triggers — is held the same way ({@code held_jobs}, {@link #holds(Job)}).
 *
 * <p>Turns ask {@link #holds} first. The set of suspended tenants is kept in memory and read again at most every
 * {@code parley.admin.suspension-refresh} (default 5 s), so a tenant that is not suspended costs a turn no query;
 * a suspension made by another process takes effect within that time. Whether a turn is held is then decided in the
 * database, under a share lock of the suspension row, so a resume never misses a turn held at the same moment.
 */
@Singleton
public final class TenantSuspensions {

    /** What a resume enqueued again: the inbound turns and the jobs (broadcast sends, trigger runs) held. */
    public record Resumed(int turns, int jobs) {
    }

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
     * Inside a platform scope for {@code tenant}: ends its suspension and enqueues its held turns and jobs again, in
     * the order they were held; empty when it was not suspended.
     */
    public Optional<Resumed> resume(TenantId tenant) {
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
        String suspension = Long.toString(ended.getFirst().toEpochMilli());
        List<Held> turns = heldTurns(tenant, suspension);
        List<Held> jobs = heldJobs(tenant, suspension);
        List<Held> held = new ArrayList<>(turns);
        held.addAll(jobs);
        held.sort(java.util.Comparator.comparing(Held::at));
        queue.enqueueAll(tenant, held.stream().map(Held::job).toList());
        return Optional.of(new Resumed(turns.size(), jobs.size()));
    }

    /** A held turn or job, as it is enqueued again. */
    private record Held(Instant at, JobRequest job) {
    }

    private List<Held> heldTurns(TenantId tenant, String suspension) {
        List<Held> held = new ArrayList<>();
        try (PreparedStatement rows = connection().prepareStatement(
                "DELETE FROM held_turns WHERE tenant_id = ? RETURNING event_id, serial_key, held_at")) {
            rows.setObject(1, tenant.value());
            try (ResultSet result = rows.executeQuery()) {
                while (result.next()) {
                    UUID event = result.getObject(1, UUID.class);
                    String serial = result.getString(2);
                    // the same job the ingress made (InboundEventWriter), under a new unique key: the first one ran
                    JobRequest job = JobRequest.of(JobKinds.INBOUND_TURN, "{\"eventId\":\"" + event + "\"}")
                            .unique("resumed:" + event + ":" + suspension).maxAttempts(5);
                    held.add(new Held(result.getTimestamp(3).toInstant(), serial == null ? job : job.serial(serial)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the held turns", e);
        }
        return held;
    }

    private List<Held> heldJobs(TenantId tenant, String suspension) {
        List<Held> held = new ArrayList<>();
        try (PreparedStatement rows = connection().prepareStatement("""
                DELETE FROM held_jobs WHERE tenant_id = ?
                RETURNING job_id, kind, args::text, serial_key, priority, max_attempts, held_at""")) {
            rows.setObject(1, tenant.value());
            try (ResultSet result = rows.executeQuery()) {
                while (result.next()) {
                    // the job as it was claimed, under a new unique key (the held one completed)
                    held.add(new Held(result.getTimestamp(7).toInstant(), new JobRequest(result.getString(2),
                            result.getString(3), "resumed-job:" + result.getLong(1) + ":" + suspension,
                            result.getString(4), result.getInt(5), result.getInt(6), null, null)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the held jobs", e);
        }
        return held;
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
            if (!locked(tenant)) {
                return false; // resumed since the snapshot: run the turn
            }
            update("""
                    INSERT INTO held_turns (tenant_id, event_id, serial_key)
                    VALUES (?, ?, (SELECT serial_key FROM jobs WHERE tenant_id = ? AND id = ?))
                    ON CONFLICT DO NOTHING""", tenant.value(), eventId, tenant.value(), jobId);
            return true;
        });
    }

    /**
     * At the start of a job that sends for the tenant on its own (a broadcast's {@code broadcast.send}, a proactive
     * trigger's {@code trigger.run}), outside any transaction: true when the tenant is suspended and the job is now
     * held ({@code held_jobs}) to be enqueued again on resume — the caller then stops. As cheap as {@link #holds} for
     * a tenant that is not suspended.
     */
    public boolean holds(Job job) {
        TenantId tenant = job.tenant();
        if (!suspended().contains(tenant.value())) {
            return false;
        }
        return scope.write(tenant, () -> {
            if (!locked(tenant)) {
                return false;
            }
            update("""
                    INSERT INTO held_jobs (tenant_id, job_id, kind, args, serial_key, priority, max_attempts)
                    VALUES (?, ?, ?, CAST(? AS jsonb),
                            (SELECT serial_key FROM jobs WHERE tenant_id = ? AND id = ?),
                            coalesce((SELECT priority FROM jobs WHERE tenant_id = ? AND id = ?), 0), ?)
                    ON CONFLICT DO NOTHING""", tenant.value(), job.id(), job.kind(), job.argsJson(), tenant.value(),
                    job.id(), tenant.value(), job.id(), job.maxAttempts());
            return true;
        });
    }

    /** In the tenant's write scope: whether it is suspended, holding its suspension row so a resume waits for us. */
    private boolean locked(TenantId tenant) {
        try (PreparedStatement lock = connection().prepareStatement(
                "SELECT 1 FROM tenant_suspensions WHERE tenant_id = ? FOR SHARE")) {
            lock.setObject(1, tenant.value());
            try (ResultSet rows = lock.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the suspension", e);
        }
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
