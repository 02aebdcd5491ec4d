package io.parley.core.queue;

import io.micronaut.context.annotation.Value;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every statement the job runner sends (docs/architecture/queue.md). Each call is one short transaction in the
 * queue's scope ({@link TenantScope#asQueue}); none is open while a handler runs. Times come from the database
 * clock ({@code now()}), so workers whose clocks drift still agree on leases and schedules.
 */
@Singleton
final class JobStore {

    /** Serializes claims across all workers; see {@link #claim}. Any constant unique to the queue will do. */
    private static final long CLAIM_LOCK = 0x7061726c65794a6fL; // "parleyJo"

    /*
     * Claim order (docs/architecture/queue.md, "Reply deadlines"): first the conversations that still hold a reply
     * token in its window, earliest token first; then everything else, highest priority, then oldest first.
     *
     * "fresh" walks jobs_reply_token_idx from the oldest token still in the window and stops after a few batches'
     * worth, skipping keys that have a job running ("busy": the running jobs' keys, read once and hashed; a probe of
     * jobs_serial_idx per fresh job walked each key's whole backlog, 850 ms per claim at 1 M waiting). Each fresh job
     * stands for its conversation: the job to run is its key's oldest waiting job (the head), because within a key
     * order stays FIFO — and the head's turn takes in the waiting messages behind it and answers with the newest
     * reply token (WaitingMessages), so running an expired head is how a fresh token behind it is used. "fresh" keeps
     * the heads due now, in the order of their conversation's earliest fresh token, up to the batch; "urgent" locks
     * them with one primary-key probe each; "rest" fills the batch in the old order.
     *
     * "urgent" once joined jobs to "fresh" and ordered there: PostgreSQL nested-looped the join, rescanning "fresh"
     * once per job (400 × 400 rows, 110 ms per claim with 2,700 waiting), and found the jobs through jobs_fetch_idx
     * with an id filter, which walks every due job (bench/README.md, "Claim cost").
     */
    private static final String CLAIM = """
            WITH alive AS MATERIALIZED (
                SELECT NOT EXISTS (SELECT 1 FROM queue_processes d WHERE d.id = ? AND d.declared_dead_at IS NOT NULL)
                    AS ok),
            busy AS MATERIALIZED (
                SELECT serial_key FROM jobs WHERE state = 'running' AND serial_key IS NOT NULL),
            fresh AS MATERIALIZED (
                SELECT coalesce(head.id, u.id) AS id, min(u.reply_token_at) AS token_at
                FROM (SELECT u.id, u.serial_key, u.reply_token_at, u.scheduled_at FROM jobs u
                      WHERE u.reply_token_at > now() - ? * interval '1 millisecond'
                        AND u.state IN ('available', 'retryable') AND u.kind = ANY(?)
                        AND (u.serial_key IS NULL OR u.serial_key NOT IN (SELECT serial_key FROM busy))
                      ORDER BY u.reply_token_at, u.id
                      LIMIT ?) u
                LEFT JOIN LATERAL (SELECT h.id, h.scheduled_at, h.kind FROM jobs h WHERE h.serial_key = u.serial_key
                                     AND h.state IN ('available', 'retryable') ORDER BY h.id LIMIT 1) head ON true
                WHERE coalesce(head.scheduled_at, u.scheduled_at) <= now() AND (head.id IS NULL OR head.kind = ANY(?))
                GROUP BY 1
                ORDER BY 2, 1
                LIMIT ?),
            urgent AS (
                SELECT c.id FROM fresh CROSS JOIN LATERAL (
                    SELECT c.id FROM jobs c
                    WHERE c.id = fresh.id -- one primary-key probe per head: never a walk of jobs joined to fresh
                      AND (SELECT ok FROM alive)
                      AND c.state IN ('available', 'retryable') AND c.scheduled_at <= now() AND c.kind = ANY(?)
                    FOR UPDATE SKIP LOCKED) c),
            rest AS (
                SELECT c.id FROM jobs c
                WHERE (SELECT ok FROM alive)
                  AND c.state IN ('available', 'retryable') AND c.scheduled_at <= now() AND c.kind = ANY(?)
                  AND (c.serial_key IS NULL OR (
                      NOT EXISTS (SELECT 1 FROM jobs p WHERE p.serial_key = c.serial_key
                                    AND p.state IN ('available', 'retryable', 'running') AND p.id < c.id)
                      AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.serial_key = c.serial_key
                                    AND r.state = 'running')))
                  AND c.id NOT IN (SELECT id FROM urgent)
                ORDER BY c.priority DESC, c.scheduled_at, c.id
                LIMIT greatest(0, ? - (SELECT count(*) FROM urgent))
                FOR UPDATE OF c SKIP LOCKED)
            UPDATE jobs j SET state = 'running', attempt = j.attempt + 1, attempted_at = now(), locked_by = ?,
                locked_until = now() + ? * interval '1 millisecond'
            FROM (SELECT id FROM urgent UNION ALL SELECT id FROM rest) picked WHERE j.id = picked.id
            RETURNING j.id, j.tenant_id, j.kind, CAST(j.args AS text), j.attempt, j.max_attempts, j.trace_parent""";

    /** How many fresh-token jobs a claim looks at per job it may take: keys with several fresh jobs count once. */
    private static final int FRESH_SCAN_PER_JOB = 4;

    /*
     * Completions and heartbeats both update many of this worker's running jobs in one statement. Each locks its
     * rows in id order first (ORDER BY ... FOR UPDATE), so the two can never take the same rows in opposite orders:
     * without it, a grouped completion and a heartbeat deadlocked under load (bench/README.md, finding 7).
     */
    private static final String COMPLETE = """
            WITH mine AS (
                SELECT j.id FROM jobs j JOIN unnest(?, ?) AS done(id, attempt)
                  ON j.id = done.id AND j.attempt = done.attempt
                WHERE j.state = 'running' AND j.locked_by = ?
                ORDER BY j.id FOR UPDATE OF j)
            UPDATE jobs j SET state = 'completed', finalized_at = now(), locked_by = NULL, locked_until = NULL
            FROM mine WHERE j.id = mine.id
            RETURNING j.id""";

    private static final String APPEND_ERROR = "errors = errors || jsonb_build_array(jsonb_build_object("
            + "'at', now(), 'attempt', attempt, 'error', CAST(? AS text)))";
    private static final String MINE = " WHERE id = ? AND attempt = ? AND state = 'running' AND locked_by = ?";

    private static final String RETRY = "UPDATE jobs SET state = 'retryable', scheduled_at = now() + ? * interval "
            + "'1 millisecond', locked_by = NULL, locked_until = NULL, " + APPEND_ERROR + MINE;

    private static final String DISCARD = "UPDATE jobs SET state = 'discarded', finalized_at = now(), "
            + "locked_by = NULL, locked_until = NULL, " + APPEND_ERROR + MINE;

    private final TenantScope scope;
    private final DataSource dataSource;
    private final Duration replyWindow;

    /**
     * @param replyWindow {@code parley.outbound.line.reply-window} (50 s), the same setting the LINE sender uses: a
     *                    reply token issued longer ago than this is not used any more, so its job is not urgent
     */
    JobStore(TenantScope scope, DataSource dataSource,
             @Value("${parley.outbound.line.reply-window:50s}") Duration replyWindow) {
        this.scope = scope;
        this.dataSource = dataSource; // transaction-aware: statements run in the asQueue transaction
        this.replyWindow = replyWindow;
    }

    /**
     * Claims up to {@code limit} due jobs of {@code kinds}: first the heads of conversations with a reply token still
     * in its window, earliest token first; then highest priority, then oldest first. A job with a serial key is
     * claimable only while no job of its key is running and none with a smaller id is waiting.
     *
     * <p>That check reads a snapshot, and two claimers with overlapping snapshots could each see "nothing of this
     * key is running" and start two of its jobs (one committed late, or a discarded one retried through the API).
     * So claims take one transaction-level advisory lock first: claims run one at a time across every worker,
     * and because READ COMMITTED gives the claim statement a fresh snapshot taken after the lock was granted, it
     * sees every earlier claim. A claim is one indexed statement of a few milliseconds, so this caps claiming at
     * hundreds of batches per second, each up to {@code claimBatch} jobs.
     */
    List<Job> claim(String worker, Collection<String> kinds, int limit, Duration lease) {
        return inQueue(connection -> {
            // Also, for this transaction only: no bitmap scans. The claim must walk jobs_fetch_idx in claim order and
            // stop at the batch size; on a jobs table the planner has no fresh statistics for (a new install, or a
            // burst that outran autovacuum's ANALYZE) it estimates a handful of waiting jobs and instead collects
            // every waiting job, runs the serial-key checks on each and sorts them — 16x slower at 18,000 waiting
            // (bench/README.md), while claims hold the lock that serializes them.
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(?), set_config('enable_bitmapscan', 'off', true)")) {
                lock.setLong(1, CLAIM_LOCK);
                lock.execute();
            }
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                java.sql.Array kindArray = connection.createArrayOf("text", kinds.toArray());
                claim.setString(1, worker); // a process declared dead claims nothing until it has re-registered
                claim.setLong(2, replyWindow.toMillis());
                claim.setArray(3, kindArray);
                claim.setInt(4, limit * FRESH_SCAN_PER_JOB);
                claim.setArray(5, kindArray);
                claim.setInt(6, limit);
                claim.setArray(7, kindArray);
                claim.setArray(8, kindArray);
                claim.setInt(9, limit);
                claim.setString(10, worker);
                claim.setLong(11, lease.toMillis());
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        jobs.add(new Job(rows.getLong(1), new TenantId(rows.getObject(2, UUID.class)),
                                rows.getString(3), rows.getString(4), rows.getInt(5), rows.getInt(6), worker,
                                rows.getString(7)));
                    }
                }
                jobs.sort((a, b) -> Long.compare(a.id(), b.id()));
                return jobs;
            }
        });
    }

    /** Marks finished jobs completed; returns the ids that were still ours (a lost lease drops the result). */
    Set<Long> complete(String worker, List<Job> jobs) {
        return inQueue(connection -> {
            try (PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
                complete.setArray(1, connection.createArrayOf("bigint", jobs.stream().map(Job::id).toArray()));
                complete.setArray(2, connection.createArrayOf("integer", jobs.stream().map(Job::attempt).toArray()));
                complete.setString(3, worker);
                Set<Long> done = new HashSet<>();
                try (ResultSet rows = complete.executeQuery()) {
                    while (rows.next()) {
                        done.add(rows.getLong(1));
                    }
                }
                return done;
            }
        });
    }

    /** Records a failed attempt: retryable after the failure's delay, or discarded. False when no longer ours. */
    boolean fail(Job job, String worker, JobFailure failure) {
        return inQueue(connection -> fail(connection, job.id(), job.attempt(), worker, failure));
    }

    static boolean fail(Connection connection, long id, int attempt, String lockedBy, JobFailure failure)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(failure.discarded() ? DISCARD : RETRY)) {
            int index = 1;
            if (!failure.discarded()) {
                update.setLong(index++, failure.retryAfter().toMillis());
            }
            update.setString(index++, failure.error());
            update.setLong(index++, id);
            update.setInt(index++, attempt);
            update.setString(index, lockedBy);
            return update.executeUpdate() == 1;
        }
    }

    /** Extends the leases of the jobs this worker is running. */
    int heartbeat(String worker, Collection<Long> ids, Duration lease) {
        return inQueue(connection -> {
            try (PreparedStatement extend = connection.prepareStatement("""
                    WITH mine AS (
                        SELECT id FROM jobs WHERE id = ANY(?) AND state = 'running' AND locked_by = ?
                        ORDER BY id FOR UPDATE)
                    UPDATE jobs j SET locked_until = now() + ? * interval '1 millisecond'
                    FROM mine WHERE j.id = mine.id""")) {
                extend.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                extend.setString(2, worker);
                extend.setLong(3, lease.toMillis());
                return extend.executeUpdate();
            }
        });
    }

    /**
     * Running jobs whose lease expired belong to a worker that died (or lost the database for a whole lease):
     * they become retryable with backoff, their attempt already counted, or discarded after the last attempt.
     */
    int rescue(int limit, Backoff backoff) {
        return inQueue(connection -> {
            int rescued = 0;
            try (PreparedStatement expired = connection.prepareStatement("""
                    SELECT id, attempt, max_attempts, locked_by FROM jobs
                    WHERE state = 'running' AND locked_until < now()
                    ORDER BY locked_until LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                expired.setInt(1, limit);
                try (ResultSet rows = expired.executeQuery()) {
                    while (rows.next()) {
                        int attempt = rows.getInt(2);
                        String owner = rows.getString(4);
                        JobFailure failure = JobFailure.because("lease expired: worker " + owner
                                + " stopped before finishing attempt " + attempt, attempt, rows.getInt(3), backoff);
                        rescued += fail(connection, rows.getLong(1), attempt, owner, failure) ? 1 : 0;
                    }
                }
            }
            return rescued;
        });
    }

    /**
     * Shutdown: hands jobs this worker will not finish back to the queue, uncounted (attempt − 1), due now, and
     * wakes the other workers.
     */
    int release(String worker, Collection<Long> ids) {
        return inQueue(connection -> {
            int released;
            try (PreparedStatement release = connection.prepareStatement("""
                    UPDATE jobs SET state = CASE WHEN attempt <= 1 THEN 'available' ELSE 'retryable' END,
                        attempt = attempt - 1, scheduled_at = now(), locked_by = NULL, locked_until = NULL
                    WHERE id = ANY(?) AND state = 'running' AND locked_by = ?""")) {
                release.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                release.setString(2, worker);
                released = release.executeUpdate();
            }
            if (released > 0) {
                JobQueue.notifyWorkers(connection);
            }
            return released;
        });
    }

    /** Deletes up to {@code limit} finished jobs past their retention; returns how many. */
    int clean(Duration completedRetention, Duration discardedRetention, int limit) {
        return inQueue(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    DELETE FROM jobs WHERE id IN (
                        (SELECT id FROM jobs WHERE state = 'completed'
                           AND finalized_at < now() - ? * interval '1 millisecond' LIMIT ?)
                        UNION ALL
                        (SELECT id FROM jobs WHERE state IN ('discarded', 'cancelled')
                           AND finalized_at < now() - ? * interval '1 millisecond' LIMIT ?))""")) {
                delete.setLong(1, completedRetention.toMillis());
                delete.setInt(2, limit);
                delete.setLong(3, discardedRetention.toMillis());
                delete.setInt(4, limit);
                return delete.executeUpdate();
            }
        });
    }

    <T> T inQueue(Sql<T> work) {
        return scope.asQueue(() -> {
            try {
                return work.run(dataSource.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("Job queue statement failed: " + e.getMessage(), e);
            }
        });
    }

    interface Sql<T> {
        T run(Connection connection) throws SQLException;
    }
}
