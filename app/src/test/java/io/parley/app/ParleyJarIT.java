package io.parley.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar as users run it ({@code java -jar parley.jar}, after {@code package}): it starts (manifest, merged
 * service files), answers HTTP, and on SIGTERM stops the application before its embedded PostgreSQL, exits 0 and
 * leaves no PostgreSQL behind.
 */
class ParleyJarIT {

    private static final Pattern READY = Pattern.compile("Parley ready in .* http://localhost:(\\d+)");

    @TempDir
    Path dataDirectory;

    @Test
    void startsServesAndStopsInOrderOnSigterm() throws Exception {
        Process parley = start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = watch(parley, output, ready);
        try {
            int port = ready.get(120, TimeUnit.SECONDS);
            long postmaster = Long.parseLong(
                    Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).getFirst().trim());

            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\":\"UP\"");
            assertThat(get(port, "/").body()).contains("Parley");

            parley.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output we still read
            assertThat(parley.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(parley.exitValue()).isZero();
            assertThat(reader.join(Duration.ofSeconds(10))).as("output read to the end").isTrue();
            assertThat(exits(postmaster)).as("PostgreSQL stopped").isTrue();
            assertThat(dataDirectory.resolve("postgres/postmaster.pid")).doesNotExist();
            String tail = String.join(System.lineSeparator(), output.subList(Math.max(0, output.size() - 15), output.size()));
            int poolClosed = indexOf(output, "HikariPool-1 - Shutdown completed");
            int databaseStopped = indexOf(output, "Embedded PostgreSQL stopped");
            assertThat(poolClosed).as("connection pool closed, in:%n%s", tail).isNotNegative();
            assertThat(databaseStopped).as("PostgreSQL stopped after the pool, in:%n%s", tail).isGreaterThan(poolClosed);
        } finally {
            parley.destroyForcibly();
        }
    }

    private Process start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", Path.of("target/parley.jar").toString())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("DATASOURCES_"));
        builder.environment().put("PARLEY_DATA_DIR", dataDirectory.toString());
        builder.environment().put("PORT", "-1"); // any free port
        return builder.start();
    }

    /** Echoes the output into {@code output}; completes {@code ready} with the HTTP port once it is ready. */
    private static Thread watch(Process process, List<String> output, CompletableFuture<Integer> ready) {
        return Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println("[parley.jar] " + line);
                    output.add(line);
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        ready.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
                ready.completeExceptionally(new IllegalStateException("parley.jar exited before it was ready"));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * The postmaster is pg_ctl's daemon, so once it exits only init may reap it; until then it is a zombie, which
     * has stopped all the same.
     */
    private static boolean exits(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty() || zombie(pid)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Linux: the state after the command name in /proc/PID/stat; gone counts as a zombie reaped. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
