package io.parley.core.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The worker processes' registry (V50 {@code queue_processes}, docs/architecture/queue.md "Dead processes"): each
 * worker registers under its {@code locked_by} name and heartbeats every {@code process-heartbeat}; a process silent
 * for longer than {@code process-timeout}, or one that stopped cleanly, is declared dead by whichever live worker
 * notices first, and its running jobs are handed back at once — seconds after a kill -9 instead of a lease.
 *
 * <p>All times are the database's ({@code now()}), so clock skew between hosts does not matter. A process that was
 * only paused (a long GC, a lost database connection) learns at its next heartbeat that it was declared dead: it
 * then drops the jobs it held (their results are ignored, see {@link JobWorker}) and registers again.
 */
final class ProcessRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRegistry.class);

    private final JobStore store;
    private final String url;
    private final String username;
    private final String password;
    private Connection dedicated;

    /** Heartbeats through the pool (tests). */
    ProcessRegistry(JobStore store) {
        this(store, null, null, null);
    }

    /**
     * Heartbeats over a connection of their own, outside the pool: a process whose jobs hold every pooled
     * connection is busy, not dead, and must not be declared dead for want of a connection (seen in the crash run,
     * bench/README.md). Declaring and taking over use the pool.
     */
    ProcessRegistry(JobStore store, String url, String username, String password) {
        this.store = store;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** What a heartbeat found. {@code sinceLast} is the database time since this process's previous heartbeat. */
    record Beat(boolean declaredDead, Duration sinceLast) {
    }

    /** Registers (or re-registers, after being declared dead) this process as alive. */
    void register(String worker) {
        store.inQueue(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO queue_processes (id, host, pid) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET heartbeat_at = now(), stopped_at = NULL, declared_dead_at = NULL""")) {
                insert.setString(1, worker);
                insert.setString(2, System.getenv().getOrDefault("HOSTNAME", "parley"));
                insert.setLong(3, ProcessHandle.current().pid());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Records that this process is alive, unless another already declared it dead (then nothing changes and the
     * beat says so). A process missing from the registry (deleted long after its death) counts as declared dead.
     */
    Beat heartbeat(String worker) {
        if (url == null) {
            return store.inQueue(connection -> beat(connection, worker));
        }
        synchronized (this) {
            try {
                if (dedicated == null || dedicated.isClosed()) {
                    dedicated = connect();
                }
                return beat(dedicated, worker); // autocommit: one statement
            } catch (SQLException e) {
                closeDedicated();
                throw new IllegalStateException("Heartbeat failed: " + e.getMessage(), e);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("ApplicationName", "parley-heartbeat");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        try (PreparedStatement scope = connection.prepareStatement("SELECT set_config('parley.queue', 'on', false)")) {
            scope.execute(); // the queue's scope for this session (V3 parley_queue_scope): the registry's policy
        }
        return connection;
    }

    synchronized void closeDedicated() {
        if (dedicated != null) {
            try {
                dedicated.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
            dedicated = null;
        }
    }

    private static Beat beat(Connection connection, String worker) throws SQLException {
        try (PreparedStatement beat = connection.prepareStatement("""
                WITH previous AS (
                    SELECT id, heartbeat_at, declared_dead_at FROM queue_processes WHERE id = ? FOR UPDATE)
                UPDATE queue_processes p
                SET heartbeat_at = CASE WHEN previous.declared_dead_at IS NULL THEN now() ELSE p.heartbeat_at END
                FROM previous WHERE p.id = previous.id
                RETURNING previous.declared_dead_at IS NOT NULL,
                          CAST(extract(epoch FROM now() - previous.heartbeat_at) * 1000 AS bigint)""")) {
            beat.setString(1, worker);
            try (ResultSet row = beat.executeQuery()) {
                return row.next() ? new Beat(row.getBoolean(1), Duration.ofMillis(Math.max(0, row.getLong(2))))
                        : new Beat(true, Duration.ZERO);
            }
        }
    }

    /** A clean shutdown: the process is gone, and any job it still held is handed back by the next live worker. */
    void deregister(String worker) {
        store.inQueue(connection -> {
            try (PreparedStatement stop = connection.prepareStatement(
                    "UPDATE queue_processes SET stopped_at = now() WHERE id = ?")) {
                stop.setString(1, worker);
                return stop.executeUpdate();
            }
        });
    }

    /**
     * Declares dead every process silent for longer than {@code timeout} (or stopped), and hands back up to
     * {@code limit} running jobs of dead processes: retryable and due now, the lost attempt counted (discarded
     * after the last one), an error naming the process. Rows other workers hold are skipped. Returns how many.
     *
     * <p>Never {@code self}: the caller is running, so it is alive, however old its last heartbeat looks. (Seen in the
     * knowledge benchmark on a starved machine: the maintenance thread heartbeat, then waited over the timeout for a
     * pooled connection held by busy jobs, and declared its own process dead — dropping all 50 jobs it was running.)
     */
    int takeOver(String self, Duration timeout, int limit) {
        return store.inQueue(connection -> {
            List<String> declared = new ArrayList<>();
            try (PreparedStatement declare = connection.prepareStatement("""
                    UPDATE queue_processes SET declared_dead_at = now()
                    WHERE declared_dead_at IS NULL AND id <> ?
                      AND (stopped_at IS NOT NULL OR heartbeat_at < now() - ? * interval '1 millisecond')
                    RETURNING id, stopped_at IS NOT NULL""")) {
                declare.setString(1, self);
                declare.setLong(2, timeout.toMillis());
                try (ResultSet rows = declare.executeQuery()) {
                    while (rows.next()) {
                        if (!rows.getBoolean(2)) {
                            declared.add(rows.getString(1));
                        }
                    }
                }
            }
            if (!declared.isEmpty()) {
                LOG.warn("Worker process(es) {} sent no heartbeat for {} ms: declared dead, their jobs are taken over",
                        declared, timeout.toMillis());
            }
            int released = 0;
            try (PreparedStatement orphans = connection.prepareStatement("""
                    SELECT j.id, j.attempt, j.max_attempts, j.locked_by FROM jobs j
                    WHERE j.state = 'running'
                      AND j.locked_by IN (SELECT id FROM queue_processes WHERE declared_dead_at IS NOT NULL)
                    ORDER BY j.id LIMIT ? FOR UPDATE OF j SKIP LOCKED""")) {
                orphans.setInt(1, limit);
                try (ResultSet rows = orphans.executeQuery()) {
                    while (rows.next()) {
                        int attempt = rows.getInt(2);
                        String owner = rows.getString(4);
                        JobFailure failure = JobFailure.retryNow("worker " + owner + " died (no heartbeat) during "
                                + "attempt " + attempt, attempt, rows.getInt(3));
                        released += JobStore.fail(connection, rows.getLong(1), attempt, owner, failure) ? 1 : 0;
                    }
                }
            }
            if (released > 0) {
                JobQueue.notifyWorkers(connection);
            }
            return released;
        });
    }

    /** Forgets processes dead for longer than {@code after} that hold no running job. */
    int forget(Duration after) {
        return store.inQueue(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    DELETE FROM queue_processes p
                    WHERE p.declared_dead_at < now() - ? * interval '1 millisecond'
                      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.state = 'running' AND j.locked_by = p.id)""")) {
                delete.setLong(1, after.toMillis());
                return delete.executeUpdate();
            }
        });
    }
}
