package io.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The analytics benchmark (bench/README.md, "Analytics"): a fresh Parley, one tenant whose history of
 * {@code --analytics-messages} messages and {@code --analytics-contacts} contacts over {@code --analytics-days}
 * days is generated into the raw tables, the rollups built by Parley's own {@code analytics.rollup} job (a full
 * rebuild, timed), then every analytics endpoint asked for the last 90 days, one request at a time: p50/p95/max.
 */
final class AnalyticsRun {

    private static final List<String> ENDPOINTS = List.of("messages", "contacts", "active-contacts", "retention",
            "retention?cohort=week", "latency", "llm", "costs", "costs?by=bot", "containment", "delivery",
            "delivery/failures", "buttons", "messages?groupBy=week", "latency?groupBy=hour&days=31",
            "contacts?groupBy=hour&days=31", "llm?groupBy=hour&days=31", "containment?groupBy=hour&days=31");

    private final Bench.Settings settings;
    private final Map<String, String> options;

    AnalyticsRun(Bench.Settings settings, Map<String, String> options) {
        this.settings = settings;
        this.options = options;
    }

    String run() throws Exception {
        long messages = Long.parseLong(options.getOrDefault("analytics-messages", "10000000"));
        long contacts = Long.parseLong(options.getOrDefault("analytics-contacts", "200000"));
        int days = Integer.parseInt(options.getOrDefault("analytics-days", "395"));
        int requests = Integer.parseInt(options.getOrDefault("analytics-requests", "40"));
        StringBuilder report = new StringBuilder();
        // --analytics-data DIR: the scenario directory of an earlier run kept with BENCH_KEEP_DATA=1; this run's jar
        // starts its database again (migrating it) and only the reads are measured
        String kept = options.get("analytics-data");
        java.nio.file.Path directory = kept != null ? java.nio.file.Path.of(kept).toAbsolutePath()
                : settings.work().resolve("analytics");
        try (ParleyProcess parley = ParleyProcess.start(settings.jar(), directory, settings.jvmFlags(),
                settings.environment());
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            if (kept == null) {
                generateAndBuild(parley, http, messages, contacts, days, report);
            } else {
                report.append("Analytics benchmark: the reads only, on the database kept in ").append(kept).append('\n');
                if (options.containsKey("analytics-resume")) {
                    resume(parley, http, report);
                }
            }
            // --analytics-to DATE: the ranges end that day instead of today (a kept database whose rebuild is
            // incomplete has whole rollups up to its rebuild_next only)
            LocalDate to = options.containsKey("analytics-to") ? LocalDate.parse(options.get("analytics-to"))
                    : LocalDate.now(ZoneOffset.UTC);
            report.append(String.format("%-32s %8s %8s %8s%n", "endpoint (90 days, day buckets)", "p50 ms", "p95 ms",
                    "max ms"));
            // signed in again: the access token of the sign-up may have expired during a long generation and rebuild
            String token = JsonField.text(post(http, parley.baseUrl() + "/api/v1/auth/login", null,
                    "{\"email\":\"analytics@example.com\",\"password\":\"bench-password-0001\"}"), "accessToken");
            for (String endpoint : ENDPOINTS) {
                int span = endpoint.contains("days=31") ? 31 : 90;
                String path = endpoint.replace("&days=31", "");
                String url = parley.baseUrl() + "/api/v1/analytics/" + path + (path.contains("?") ? "&" : "?")
                        + "from=" + to.minusDays(span - 1) + "&to=" + to;
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < requests + 5; i++) {
                    long begin = System.nanoTime();
                    get(http, url, token);
                    if (i >= 5) {
                        times.add((System.nanoTime() - begin) / 1e6);
                    }
                }
                Collections.sort(times);
                report.append(String.format("%-32s %8.1f %8.1f %8.1f%n", endpoint.replace("&days=31", " (31 d)"),
                        rank(times, 0.5), rank(times, 0.95), times.getLast()));
            }
            report.append("load average at the end: ").append(java.nio.file.Files.readString(
                    java.nio.file.Path.of("/proc/loadavg")).trim()).append('\n');
            // --analytics-hold SECONDS: Parley and its database stay up that long after the requests, for EXPLAIN
            int hold = Integer.parseInt(options.getOrDefault("analytics-hold", "0"));
            if (hold > 0) {
                ScenarioRun.log("analytics: holding for %d s; the database: port %d, superuser postgres (password in "
                        + "%s)", hold, parley.databasePort, directory.resolve("data/database.properties"));
                Thread.sleep(hold * 1000L);
            }
        }
        java.nio.file.Files.writeString(settings.work().resolve("analytics-report.txt"), report);
        return report.toString();
    }

    /**
     * --analytics-resume: a refresh by the job, timed, which resumes a full rebuild stopped between slices (at the
     * state's {@code rebuild_next}) and finishes it; then the reads can cover the last days too.
     */
    private static void resume(ParleyProcess parley, HttpClient http, StringBuilder report) throws Exception {
        String token = JsonField.text(post(http, parley.baseUrl() + "/api/v1/auth/login", null,
                "{\"email\":\"analytics@example.com\",\"password\":\"bench-password-0001\"}"), "accessToken");
        UUID tenant = UUID.fromString(JsonField.text(get(http, parley.baseUrl() + "/api/v1/tenant", token), "id"));
        try (Database database = Database.of(parley)) {
            ScenarioRun.log("analytics: resuming the rollup rebuild with the analytics.rollup job");
            Slices slices = new Slices();
            double seconds = refresh(database, tenant, "bench-resume-" + System.currentTimeMillis(), slices);
            report.append(String.format("rebuild resumed and finished by the job in %.1f s (%d slices, the longest "
                    + "%.1f s)%n", seconds, slices.count, slices.longest));
        }
    }

    /** Signs up, generates the history and builds its rollups by the job, timed; the figures go to {@code report}. */
    private static void generateAndBuild(ParleyProcess parley, HttpClient http, long messages, long contacts, int days,
                                         StringBuilder report) throws Exception {
        String token = signUp(http, parley.baseUrl());
        String bot = JsonField.text(post(http, parley.baseUrl() + "/api/v1/bots", token,
                "{\"name\":\"Bench\",\"persona\":\"You are a concise assistant.\"}"), "id");
        String channel = JsonField.text(post(http, parley.baseUrl() + "/api/v1/bots/" + bot + "/channels", token,
                "{\"type\":\"web\",\"name\":\"Bench web\",\"credentials\":{}}"), "id");
        String tenant = JsonField.text(get(http, parley.baseUrl() + "/api/v1/tenant", token), "id");
        try (Database database = Database.of(parley)) {
            ScenarioRun.log("analytics: generating %,d messages, %,d contacts over %d days", messages, contacts, days);
            long start = System.nanoTime();
            AnalyticsData.generate(database.connection(), UUID.fromString(tenant), UUID.fromString(bot),
                    UUID.fromString(channel), messages, contacts, days);
            double generation = seconds(start);
            ScenarioRun.log("analytics: generated in %.0f s; building the rollups with the analytics.rollup job",
                    generation);
            start = System.nanoTime();
            Slices slices = new Slices();
            refresh(database, UUID.fromString(tenant), "bench", slices);
            double rollup = seconds(start);
            // incremental refreshes: nothing changed, then delivery receipts for the last 1,000 answers
            double unchanged = refresh(database, UUID.fromString(tenant), "bench-unchanged", new Slices());
            try (PreparedStatement receipts = database.connection().prepareStatement("""
                    UPDATE messages SET status = 'read', updated_at = now() WHERE tenant_id = ? AND id IN (
                        SELECT id FROM messages WHERE tenant_id = ? AND direction = 'outbound'
                        ORDER BY id DESC LIMIT 1000)""")) {
                receipts.setObject(1, UUID.fromString(tenant));
                receipts.setObject(2, UUID.fromString(tenant));
                receipts.executeUpdate();
            }
            double receipts = refresh(database, UUID.fromString(tenant), "bench-receipts", new Slices());
            report.append(String.format("Analytics benchmark: %,d messages, %,d contacts over %d days%n",
                    messages, contacts, days));
            report.append(String.format("generation %.0f s; full rollup rebuild by the job %.1f s (%d slices, the "
                    + "longest %.1f s); rollup rows: %s%n", generation, rollup, slices.count, slices.longest,
                    rollupRows(database, UUID.fromString(tenant))));
            report.append(String.format("incremental refresh by the job: nothing changed %.2f s; "
                    + "1,000 delivery receipts of the last answers %.2f s (the job's own time)%n",
                    unchanged, receipts));
        }
    }

    /**
     * Enqueues the tenant's refresh as the superuser (a first refresh rebuilds everything) and waits for it;
     * {@code key} is the job's unique key. Returns the job's own time in seconds (attempted → finalized).
     */
    private static double refresh(Database database, UUID tenant, String key, Slices slices)
            throws SQLException, InterruptedException {
        try (PreparedStatement enqueue = database.connection().prepareStatement(
                "INSERT INTO jobs (tenant_id, kind, args, unique_key, serial_key, max_attempts) "
                        + "VALUES (?, 'analytics.rollup', '{}', ?, 'analytics.rollup:' || ?, 1) RETURNING id")) {
            enqueue.setObject(1, tenant);
            enqueue.setString(2, key);
            enqueue.setString(3, tenant.toString());
            long id;
            try (ResultSet row = enqueue.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
            while (true) {
                try (PreparedStatement state = database.connection().prepareStatement(
                        "SELECT state, errors::text, extract(epoch FROM finalized_at - attempted_at) FROM jobs WHERE id = ?")) {
                    state.setLong(1, id);
                    slices.poll(database, tenant);
                    try (ResultSet row = state.executeQuery()) {
                        row.next();
                        String value = row.getString(1);
                        if (value.equals("completed")) {
                            return row.getDouble(3);
                        }
                        if (value.equals("discarded") || value.equals("retryable")) {
                            throw new IllegalStateException("the rollup job failed: " + row.getString(2));
                        }
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * A rebuild's slices as seen by polling {@code analytics_rollup_state.rebuild_next} every 100 ms: how many, and
     * the longest time between two (each slice is one transaction; to the poll's precision).
     */
    private static final class Slices {
        String next;
        long since = System.nanoTime();
        int count;
        double longest;

        void poll(Database database, UUID tenant) throws SQLException {
            try (PreparedStatement state = database.connection().prepareStatement(
                    "SELECT CAST(rebuild_next AS text) FROM analytics_rollup_state WHERE tenant_id = ?")) {
                state.setObject(1, tenant);
                try (ResultSet row = state.executeQuery()) {
                    String now = row.next() ? row.getString(1) : null;
                    if (!java.util.Objects.equals(now, next)) {
                        count++;
                        longest = Math.max(longest, seconds(since));
                        since = System.nanoTime();
                        next = now;
                    }
                }
            }
        }
    }

    private static String rollupRows(Database database, UUID tenant) throws SQLException {
        List<String> tables = List.of("analytics_counts", "analytics_latency_hours", "analytics_contact_hours",
                "analytics_count_days", "analytics_latency_days", "analytics_contact_days", "analytics_active_days",
                "analytics_retention", "analytics_active_hours");
        StringBuilder rows = new StringBuilder();
        for (String table : tables) {
            try (PreparedStatement count = database.connection().prepareStatement(
                    "SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
                count.setObject(1, tenant);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    rows.append(rows.isEmpty() ? "" : ", ").append(String.format("%s %,d", table, row.getLong(1)));
                }
            }
        }
        return rows.toString();
    }

    private static double rank(List<Double> sorted, double q) {
        return sorted.get((int) Math.max(0, Math.ceil(q * sorted.size()) - 1));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String signUp(HttpClient http, String base) throws IOException, InterruptedException {
        return JsonField.text(post(http, base + "/api/v1/auth/signup", null,
                "{\"email\":\"analytics@example.com\",\"password\":\"bench-password-0001\",\"tenantName\":\"Bench\"}"),
                "accessToken");
    }

    private static String post(HttpClient http, String url, String token, String json)
            throws IOException, InterruptedException {
        return send(http, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private static String get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        return send(http, HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    private static String send(HttpClient http, HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        request.timeout(Duration.ofMinutes(2)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
