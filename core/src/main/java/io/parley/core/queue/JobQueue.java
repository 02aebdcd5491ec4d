package io.parley.core.queue;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.exceptions.TransactionUsageException;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Enqueues jobs. Call inside the tenant's write transaction ({@code TenantScope.write}) of the domain change that
 * needs the job: the job exists exactly when the change committed.
 *
 * <p>Wakes a worker when the transaction commits: this process's own worker, in memory, when it runs the job's kind
 * and has a free slot; otherwise every worker, with NOTIFY parley_jobs. A NOTIFYing transaction takes a
 * database-wide lock at commit and holds it through its WAL flush, so NOTIFYs serialize commits
 * (bench/README.md): the common case — a webhook or a turn enqueueing work its own process runs — sends none.
 * Other replicas still claim such jobs at their next poll, or at once when their own work wakes them.
 */
@Singleton
public final class JobQueue {

    public static final String WAKE_CHANNEL = "parley_jobs";

    /** A worker of this process: the kinds it claims, whether it has a free slot, and how to wake its claim loop. */
    record LocalWorker(Set<String> kinds, BooleanSupplier hasRoom, Runnable wake, Consumer<Duration> wakeAfter) {
    }

    private final DataSource dataSource;
    private final TransactionOperations<Connection> transactions;
    private final List<LocalWorker> localWorkers = new CopyOnWriteArrayList<>();

    JobQueue(DataSource dataSource, TransactionOperations<Connection> transactions) {
        this.dataSource = dataSource; // transaction-aware: statements join the caller's transaction
        this.transactions = transactions;
    }

    void attach(LocalWorker worker) {
        localWorkers.add(worker);
    }

    void detach(LocalWorker worker) {
        localWorkers.remove(worker);
    }

    /** The new job's id, or empty when a job with the same unique key already exists (a duplicate delivery). */
    public Optional<Long> enqueue(TenantId tenant, JobRequest job) {
        String sql = """
                INSERT INTO jobs (tenant_id, kind, args, unique_key, serial_key, priority, max_attempts, scheduled_at,
                                  trace_parent, reply_token_at)
                VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?, coalesce(?, now()) + ? * interval '1 millisecond', ?, ?)
                ON CONFLICT (tenant_id, unique_key) WHERE unique_key IS NOT NULL DO NOTHING
                RETURNING id""";
        try {
            Connection connection = dataSource.getConnection();
            Optional<Long> id;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setObject(1, tenant.value());
                insert.setString(2, job.kind());
                insert.setString(3, job.argsJson());
                insert.setString(4, job.uniqueKey());
                insert.setString(5, job.serialKey());
                insert.setInt(6, job.priority());
                insert.setInt(7, job.maxAttempts());
                if (job.scheduledAt() == null) {
                    insert.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setTimestamp(8, Timestamp.from(job.scheduledAt()));
                }
                insert.setLong(9, job.delay() == null ? 0 : job.delay().toMillis());
                insert.setString(10, job.traceParent());
                if (job.replyTokenAt() == null) {
                    insert.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setTimestamp(11, Timestamp.from(job.replyTokenAt()));
                }
                try (ResultSet rows = insert.executeQuery()) {
                    id = rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
                }
            }
            if (id.isPresent()) {
                wakeOnCommit(connection, Set.of(job.kind()), Set.of(delayOf(job)));
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enqueue a " + job.kind() + " job", e);
        }
    }

    /**
     * Wakes workers when the caller's transaction commits, e.g. after a job was made available again (the jobs
     * API's retry action). Call inside that transaction.
     */
    public void wake() {
        try {
            notifyWorkers(dataSource.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not wake the job workers", e);
        }
    }

    /**
     * Inside the caller's transaction: true while {@code job}'s attempt is still running under the process that
     * claimed it. The row is share-locked until that transaction ends, so the job cannot be taken over (a dead
     * process's jobs, a lost lease) before what the caller writes has committed: a handler about to do something
     * it must not do twice — hand a message to a provider — marks it and checks this in one transaction, and a
     * later attempt then finds the mark (docs/outbound.md, "Sending twice"). A job built outside the queue (no
     * worker) is always held.
     */
    public boolean held(Job job) {
        if (job.worker() == null) {
            return true;
        }
        try (PreparedStatement held = dataSource.getConnection().prepareStatement(
                "SELECT 1 FROM jobs WHERE id = ? AND attempt = ? AND state = 'running' AND locked_by = ? FOR SHARE")) {
            held.setLong(1, job.id());
            held.setInt(2, job.attempt());
            held.setString(3, job.worker());
            try (ResultSet row = held.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the lease of job " + job.id(), e);
        }
    }

    private static Duration delayOf(JobRequest job) {
        return job.delay() == null || job.delay().isNegative() ? Duration.ZERO : job.delay();
    }

    /**
     * In memory when a local worker runs every one of {@code kinds} and has room, else NOTIFY (module Javadoc). A
     * delayed job wakes the local worker when it falls due; other processes find it at their next poll.
     */
    private void wakeOnCommit(Connection connection, Collection<String> kinds, Set<Duration> delays)
            throws SQLException {
        LocalWorker local = localWorkers.stream()
                .filter(worker -> worker.kinds().containsAll(kinds) && worker.hasRoom().getAsBoolean())
                .findFirst().orElse(null);
        TransactionStatus<?> transaction = local == null ? null : transactions.findTransactionStatus().orElse(null);
        if (transaction != null) {
            try {
                transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        delays.forEach(delay -> {
                            if (delay.isZero()) {
                                local.wake().run();
                            } else {
                                local.wakeAfter().accept(delay);
                            }
                        });
                    }
                });
                return;
            } catch (TransactionUsageException e) {
                // a transaction kind without synchronizations: NOTIFY is delivered on commit all the same
            }
        }
        notifyWorkers(connection);
    }

    static void notifyWorkers(Connection connection) throws SQLException {
        try (PreparedStatement wake = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            wake.setString(1, WAKE_CHANNEL);
            wake.execute();
        }
    }

    /**
     * Enqueues many jobs of one tenant with one statement (webhook batches: one job per event), in list order, so
     * jobs sharing a serial key run in that order. Jobs whose unique key exists already are skipped.
     *
     * @return how many jobs were created
     */
    public int enqueueAll(TenantId tenant, List<JobRequest> jobs) {
        if (jobs.isEmpty()) {
            return 0;
        }
        String sql = """
                INSERT INTO jobs (tenant_id, kind, args, unique_key, serial_key, priority, max_attempts, scheduled_at,
                                  trace_parent, reply_token_at)
                SELECT ?, j.kind, CAST(j.args AS jsonb), j.unique_key, j.serial_key, CAST(j.priority AS smallint),
                    CAST(j.max_attempts AS integer), coalesce(CAST(j.scheduled_at AS timestamptz), now())
                        + CAST(j.delay_ms AS bigint) * interval '1 millisecond', j.trace_parent,
                    CAST(j.reply_token_at AS timestamptz)
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                    CAST(? AS text[]))
                    WITH ORDINALITY AS j(kind, args, unique_key, serial_key, priority, max_attempts, scheduled_at,
                                         delay_ms, trace_parent, reply_token_at, ord)
                ORDER BY j.ord
                ON CONFLICT (tenant_id, unique_key) WHERE unique_key IS NOT NULL DO NOTHING""";
        int size = jobs.size();
        String[][] columns = new String[10][size];
        for (int i = 0; i < size; i++) {
            JobRequest job = jobs.get(i);
            columns[0][i] = job.kind();
            columns[1][i] = job.argsJson();
            columns[2][i] = job.uniqueKey();
            columns[3][i] = job.serialKey();
            columns[4][i] = Integer.toString(job.priority());
            columns[5][i] = Integer.toString(job.maxAttempts());
            columns[6][i] = job.scheduledAt() == null ? null : job.scheduledAt().toString();
            columns[7][i] = Long.toString(job.delay() == null ? 0 : job.delay().toMillis());
            columns[8][i] = job.traceParent();
            columns[9][i] = job.replyTokenAt() == null ? null : job.replyTokenAt().toString();
        }
        try {
            Connection connection = dataSource.getConnection();
            int created;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setObject(1, tenant.value());
                for (int column = 0; column < columns.length; column++) {
                    insert.setArray(column + 2, connection.createArrayOf("text", columns[column]));
                }
                created = insert.executeUpdate();
            }
            if (created > 0) {
                wakeOnCommit(connection, jobs.stream().map(JobRequest::kind).distinct().toList(),
                        jobs.stream().map(JobQueue::delayOf).collect(Collectors.toSet()));
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enqueue " + size + " jobs", e);
        }
    }
}
