package io.parley.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The queue-depth benchmark (bench/README.md, "Queue depth"; issue 16: a claim/complete cycle with 1,000,000 jobs
 * waiting costs within 2× of the same with 1,000 waiting). One Parley with pg_stat_statements; for each depth, that
 * many jobs are made due at once — {@code conversation.summary} jobs for conversations that do not exist (the
 * handler reads two rows and finds nothing: the cheapest real job), spread over 2,000 serial keys like turns over
 * conversations — and the worker drains them for {@code --queue-seconds} or until none is left. Measured: jobs
 * completed per second, and the database time and buffers of the claim and of the grouped completion per job.
 */
final class QueueDepthRun {

    /** Conversations the jobs are spread over (their serial keys), as the e2e scenarios' contacts. */
    private static final int KEYS = 2_000;

    private final Bench.Settings settings;
    private final Map<String, String> options;

    QueueDepthRun(Bench.Settings settings, Map<String, String> options) {
        this.settings = settings;
        this.options = options;
    }

    /** The figures of one depth. */
    record Depth(long waiting, long completed, double seconds, Cost claim, Cost completion) {

        double jobsPerSecond() {
            return completed / seconds;
        }

        /** Claim and completion database time per completed job, ms. */
        double cycleMillis() {
            return (claim.millis() + completion.millis()) / Math.max(1, completed);
        }

        double cycleBuffers() {
            return (double) (claim.buffers() + completion.buffers()) / Math.max(1, completed);
        }
    }

    /** A statement's calls, total time and buffers (pg_stat_statements) over the measured window. */
    record Cost(long calls, double millis, long buffers) {
    }

    String run() throws Exception {
        List<Long> depths = new ArrayList<>();
        for (String depth : options.getOrDefault("queue-depths", "1000,1000000").split(",")) {
            depths.add(Long.parseLong(depth.trim()));
        }
        int seconds = Integer.parseInt(options.getOrDefault("queue-seconds", "30"));
        Path directory = settings.work().resolve("queue-depth");
        List<Depth> results = new ArrayList<>();
        try (FakeLine line = new FakeLine(settings.fixtures())) { // provisioning verifies the LINE channel
            Map<String, String> environment = new java.util.HashMap<>();
            environment.put("PARLEY_LINE_API_URL", line.baseUrl());
            environment.putAll(settings.environment());
            Admin.Setup setup;
            try (ParleyProcess first = ParleyProcess.start(settings.jar(), directory, settings.jvmFlags(), environment);
                 Database database = Database.of(first)) {
                setup = Admin.provision(first.baseUrl());
                database.preloadStatementStatistics(); // loaded by the restart below
            }
            try (ParleyProcess parley = ParleyProcess.start(settings.jar(), directory, settings.jvmFlags(), environment);
                 Database database = Database.of(parley)) {
                for (long depth : depths) {
                    ScenarioRun.log("queue-depth: %,d jobs waiting", depth);
                    results.add(measure(database, UUID.fromString(setup.tenantId()), depth, seconds));
                }
            }
        }
        return report(results, seconds);
    }

    private static Depth measure(Database database, UUID tenant, long depth, int seconds) throws SQLException,
            InterruptedException {
        Connection connection = database.connection();
        long start;
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM jobs WHERE kind = 'conversation.summary'");
            statement.execute("VACUUM ANALYZE jobs");
            database.resetStatementStatistics();
            // one statement, so the worker sees them all at once, at its commit
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO jobs (tenant_id, kind, args, serial_key)
                    SELECT ?, 'conversation.summary',
                           jsonb_build_object('conversationId', gen_random_uuid(), 'botId', gen_random_uuid()),
                           'bench:' || (g % ?)
                    FROM generate_series(1, ?) AS g""")) {
                insert.setObject(1, tenant);
                insert.setInt(2, KEYS);
                insert.setLong(3, depth);
                insert.executeUpdate();
            }
            start = System.nanoTime(); // committed: claimable from now
            statement.execute("NOTIFY parley_jobs"); // the worker polls too; this spares it the wait
            statement.execute("ANALYZE jobs"); // as autovacuum would after such an insert
        }
        long deadline = start + seconds * 1_000_000_000L;
        long completed = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            completed = completed(connection);
            if (completed >= depth) {
                break;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Cost claim = cost(connection, "WITH alive AS%");
        Cost completion = cost(connection, "WITH mine AS%");
        ScenarioRun.log("  %,d completed in %.1f s", completed, elapsed);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM jobs WHERE kind = 'conversation.summary' AND state <> 'running'");
        }
        return new Depth(depth, completed, elapsed, claim, completion);
    }

    private static long completed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM jobs WHERE kind = 'conversation.summary' AND state = 'completed'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Cost cost(Connection connection, String statementLike) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0),
                       coalesce(sum(shared_blks_hit + shared_blks_read), 0)
                FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'parley') AND ltrim(query) LIKE ?""")) {
            select.setString(1, statementLike);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Cost(rows.getLong(1), rows.getDouble(2), rows.getLong(3));
            }
        }
    }

    static String report(List<Depth> results, int seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Queue depth (up to %d s of draining per depth; claim + grouped completion, database "
                + "time and buffers per completed job)%n", seconds));
        out.append(String.format("| %12s | %9s | %9s | %13s | %17s | %15s | %12s |%n", "waiting", "completed",
                "jobs/s", "claims (jobs)", "claim+complete ms", "buffers per job", "× shallowest"));
        Depth shallowest = results.isEmpty() ? null : results.getFirst();
        for (Depth depth : results) {
            out.append(String.format("| %,12d | %,9d | %,9.0f | %,6d (%,4.1f) | %17.3f | %15.1f | %12.2f |%n",
                    depth.waiting(), depth.completed(), depth.jobsPerSecond(), depth.claim().calls(),
                    depth.completed() / (double) Math.max(1, depth.claim().calls()), depth.cycleMillis(),
                    depth.cycleBuffers(), depth.cycleMillis() / shallowest.cycleMillis()));
        }
        return out.toString();
    }
}
