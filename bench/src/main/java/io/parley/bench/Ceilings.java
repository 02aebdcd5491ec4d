package io.parley.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;

/**
 * The machine's own ceilings, measured in the same run as the scenarios (bench/README.md, "In-run ceilings"):
 * absolute figures move 2× between machines of the same size, ratios to these do not.
 *
 * <ul>
 *   <li><b>HTTP</b>: a bare Micronaut POST handler ({@link io.parley.bench.ceiling.BareHttpServer}) with Parley's JVM
 *       flags, driven by the same load generator, bodies and signatures as the {@code ack} scenario;</li>
 *   <li><b>durability</b>: one-row INSERT commits per second ({@code synchronous_commit = on}) from many connections
 *       on each scenario's own PostgreSQL, before its warm-up — what a durable ack costs at the least.</li>
 * </ul>
 */
final class Ceilings {

    /** Requests per second (and p99) of the bare handler; NaN when not measured. */
    volatile double httpPerSecond = Double.NaN;
    volatile double httpP99Millis = Double.NaN;
    private final Map<String, Double> durable = new ConcurrentHashMap<>();

    double durable(String scenario) {
        return durable.getOrDefault(scenario, Double.NaN);
    }

    /**
     * Starts the bare handler as its own process, warms it up, then measures {@code seconds} of acks with
     * {@code concurrency} requests in flight.
     */
    void measureHttp(Bench.Settings settings, int concurrency, int warmupSeconds, int seconds, Path directory)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        java.nio.file.Files.createDirectories(directory);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(settings.jvmFlags());
        command.add("-cp"); // the driver's jar: its manifest brings lib/ (Micronaut, Netty)
        command.add(System.getProperty("java.class.path"));
        command.add("io.parley.bench.ceiling.BareHttpServer");
        command.add(Integer.toString(port));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("bare-http.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitUp(base, server);
            LineWebhooks webhooks = new LineWebhooks("ceiling-secret", "ceiling");
            try (WebhookLoad load = new WebhookLoad(base, "ceiling", webhooks, settings.jdkClient(), concurrency)) {
                Phase warm = new Phase(1, warmupSeconds * ScenarioRun.MAX_ACKS_PER_SECOND * 4, false);
                load.run(warm, warm.capacity, 2000, concurrency, deadline(warmupSeconds), 0);
                Phase measured = new Phase(2, seconds * ScenarioRun.MAX_ACKS_PER_SECOND * 4, false);
                load.run(measured, measured.capacity, 2000, concurrency, deadline(seconds), 0);
                long span = measured.lastAckedAt.get() - measured.firstSentAt;
                httpPerSecond = span <= 0 ? 0 : measured.acked.get() / (span / 1e9);
                httpP99Millis = measured.acks.summary().p99();
            }
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static long deadline(int seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    private static void awaitUp(String base, Process server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/webhooks/line/probe"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            while (System.nanoTime() < deadline) {
                if (!server.isAlive()) {
                    throw new IOException("the bare HTTP server exited with " + server.exitValue());
                }
                try {
                    if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
        }
        throw new IOException("the bare HTTP server did not answer within 60 s");
    }

    /**
     * One-row durable commits per second on {@code database}'s server: {@code clients} connections, each inserting
     * one row per autocommitted transaction for {@code seconds}; the scratch table is dropped afterwards.
     */
    void measureDurable(String scenario, Database database, int clients, int seconds)
            throws SQLException, InterruptedException {
        try (Statement ddl = database.connection().createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_ceiling (id bigserial PRIMARY KEY, at timestamptz NOT NULL "
                    + "DEFAULT now())");
        }
        long end = deadline(seconds);
        long start = System.nanoTime();
        long total = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                counts.add(threads.submit(() -> {
                    long commits = 0;
                    try (Connection connection = database.another();
                         Statement statement = connection.createStatement()) {
                        statement.execute("SET synchronous_commit = on"); // durable, whatever the server's default
                        while (System.nanoTime() - end < 0) {
                            statement.executeUpdate("INSERT INTO bench_ceiling DEFAULT VALUES");
                            commits++;
                        }
                    }
                    return commits;
                }));
            }
            for (Future<Long> count : counts) {
                total += count.get();
            }
        } catch (ExecutionException e) {
            throw new SQLException("durability ceiling failed", e.getCause());
        }
        durable.put(scenario, total / ((System.nanoTime() - start) / 1e9));
        try (Statement ddl = database.connection().createStatement()) {
            ddl.execute("DROP TABLE bench_ceiling");
        }
    }
}
