package io.parley.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A superuser connection to the embedded PostgreSQL of the benchmarked Parley (initdb's {@code postgres} role,
 * trust authentication on 127.0.0.1; bypasses row-level security). Used for the one change the admin API cannot
 * make — the plan, which billing sets — and to watch the database while the load runs.
 */
final class Database implements AutoCloseable {

    private final Connection connection;
    private final int port;
    private final String password;

    Database(int port) throws SQLException {
        this(port, "");
    }

    /**
     * The superuser of the embedded database of {@code parley}: with the password its launcher stored
     * ({@code superuser-password} in data/database.properties) where the database asks for one (SCRAM), else none.
     */
    static Database of(ParleyProcess parley) throws SQLException {
        java.util.Properties stored = new java.util.Properties();
        try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(
                parley.directory.resolve("data/database.properties"))) {
            stored.load(reader);
        } catch (java.io.IOException e) {
            // no file: a launcher that sets no passwords (trust authentication)
        }
        return new Database(parley.databasePort, stored.getProperty("superuser-password", ""));
    }

    /** With the superuser's password, where the embedded database asks for one (SCRAM, data/database.properties). */
    Database(int port, String password) throws SQLException {
        this.port = port;
        this.password = password;
        connection = another();
    }

    /** Another superuser connection to the same database, autocommitting (the durability ceiling's clients). */
    Connection another() throws SQLException {
        Connection another = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/parley",
                "postgres", password);
        another.setAutoCommit(true);
        return another;
    }

    /**
     * The free plan allows 1,000 answered messages a month; the benchmark sends more. 'business' allows 200,000 and
     * a larger LLM budget; its message quota is lifted as well, in this throw-away database only, so the ack
     * scenario's 300,000 queued turns are all answered rather than some getting the limit message.
     */
    void raisePlan(String tenantId) throws SQLException {
        try (PreparedStatement plan = connection.prepareStatement("UPDATE tenants SET plan = 'business' WHERE id = ?");
             Statement quota = connection.createStatement()) {
            plan.setObject(1, UUID.fromString(tenantId));
            if (plan.executeUpdate() != 1) {
                throw new SQLException("no tenant " + tenantId);
            }
            quota.executeUpdate("UPDATE plans SET max_messages_per_month = NULL WHERE id = 'business'");
        }
    }

    /** Committed transactions of the parley database so far (pg_stat_database; updated at least every second). */
    long commits() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT xact_commit FROM pg_stat_database WHERE datname = 'parley'")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** Running and waiting jobs (index-only probes of the partial indexes). */
    long[] jobs() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM jobs WHERE state = 'running'),
                            (SELECT count(*) FROM jobs WHERE state IN ('available', 'retryable'))""")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    /**
     * Adds one sample of what Parley's connections are doing, twice: by state and wait ("active: Lock/object") into
     * {@code waits}, and by statement (its first words) for the active ones into {@code statements} — a sampling
     * profile of where PostgreSQL's time goes, without pg_stat_statements (which needs a restart to load).
     */
    void sampleActivity(Map<String, Long> waits, Map<String, Long> statements) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT coalesce(state, '?') || coalesce(': ' || wait_event_type || '/' || wait_event, ': CPU'),
                            CASE WHEN state = 'active' THEN left(regexp_replace(query, '\\s+', ' ', 'g'), 70) END
                     FROM pg_stat_activity
                     WHERE datname = 'parley' AND pid <> pg_backend_pid() AND backend_type = 'client backend'""")) {
            while (rows.next()) {
                waits.merge(rows.getString(1), 1L, Long::sum);
                if (rows.getString(2) != null) {
                    statements.merge(rows.getString(2), 1L, Long::sum);
                }
            }
        }
    }

    /**
     * Loads pg_stat_statements at the next start of the server (it needs shared memory, so a restart), and
     * auto_explain: the plans of statements slower than 50 ms go to {@code data/postgres/log/} (the embedded server's
     * own output is not kept after start-up, hence the logging collector).
     */
    void preloadStatementStatistics() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements', 'auto_explain'");
            statement.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '50ms'");
            statement.execute("ALTER SYSTEM SET logging_collector = on");
            statement.execute("ALTER SYSTEM SET log_directory = 'log'");
        }
    }

    /** After the restart: the extension's view, emptied so that only what follows is counted. */
    void resetStatementStatistics() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements of the parley database that took the most time since the reset (lock waits included). */
    List<String> topStatements(int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement top = connection.prepareStatement("""
                SELECT calls, total_exec_time, mean_exec_time, shared_blks_hit + shared_blks_read,
                       regexp_replace(query, '\\s+', ' ', 'g')
                FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'parley')
                ORDER BY total_exec_time DESC LIMIT ?""")) {
            top.setInt(1, limit);
            try (ResultSet rows = top.executeQuery()) {
                while (rows.next()) {
                    long calls = rows.getLong(1);
                    lines.add(String.format("%,10.0f ms total %,9d calls %8.3f ms mean %8.0f buffers/call  %s",
                            rows.getDouble(2), calls, rows.getDouble(3), rows.getLong(4) / (double) Math.max(1, calls),
                            rows.getString(5)));
                }
            }
        }
        return lines;
    }

    /** The superuser's connection, for the analytics benchmark's data generation (AnalyticsRun). */
    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
