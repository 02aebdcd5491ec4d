package io.parley.core.queue;

import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * Enqueues jobs. Call inside the tenant's write transaction ({@code TenantScope.write}) of the domain change that
 * needs the job: the job exists exactly when the change committed. Wakes workers with NOTIFY parley_jobs, which
 * PostgreSQL delivers on commit (and folds when one transaction sends it many times).
 */
@Singleton
public final class JobQueue {

    public static final String WAKE_CHANNEL = "parley_jobs";

    private final DataSource dataSource;

    JobQueue(DataSource dataSource) {
        this.dataSource = dataSource; // transaction-aware: statements join the caller's transaction
    }

    /** The new job's id, or empty when a job with the same unique key already exists (a duplicate delivery). */
    public Optional<Long> enqueue(TenantId tenant, JobRequest job) {
        String sql = """
                INSERT INTO jobs (tenant_id, kind, args, unique_key, serial_key, priority, max_attempts, scheduled_at)
                VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?, coalesce(?, now()))
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
                try (ResultSet rows = insert.executeQuery()) {
                    id = rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
                }
            }
            if (id.isPresent()) {
                notifyWorkers(connection);
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
                INSERT INTO jobs (tenant_id, kind, args, unique_key, serial_key, priority, max_attempts, scheduled_at)
                SELECT ?, j.kind, CAST(j.args AS jsonb), j.unique_key, j.serial_key, CAST(j.priority AS smallint),
                    CAST(j.max_attempts AS integer), coalesce(CAST(j.scheduled_at AS timestamptz), now())
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                    WITH ORDINALITY AS j(kind, args, unique_key, serial_key, priority, max_attempts, scheduled_at, ord)
                ORDER BY j.ord
                ON CONFLICT (tenant_id, unique_key) WHERE unique_key IS NOT NULL DO NOTHING""";
        int size = jobs.size();
        String[][] columns = new String[7][size];
        for (int i = 0; i < size; i++) {
            JobRequest job = jobs.get(i);
            columns[0][i] = job.kind();
            columns[1][i] = job.argsJson();
            columns[2][i] = job.uniqueKey();
            columns[3][i] = job.serialKey();
            columns[4][i] = Integer.toString(job.priority());
            columns[5][i] = Integer.toString(job.maxAttempts());
            columns[6][i] = job.scheduledAt() == null ? null : job.scheduledAt().toString();
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
                notifyWorkers(connection);
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enqueue " + size + " jobs", e);
        }
    }
}
