package io.parley.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar as users run it ({@code java -jar parley.jar}, after {@code package}): it starts (manifest, merged
 * service files), answers HTTP, and on SIGTERM stops the application before its embedded PostgreSQL, exits 0 and
 * leaves no PostgreSQL behind.
 */
class ParleyJarIT {

    @TempDir
    Path dataDirectory;

    @Test
    void startsServesAndStopsInOrderOnSigterm() throws Exception {
        ParleyJar jar = ParleyJar.start(dataDirectory, -1, Map.of()); // any free port
        Process parley = jar.process;
        List<String> output = jar.output;
        Thread reader = jar.reader;
        try {
            int port = jar.port(120);
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
