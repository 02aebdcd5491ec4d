package io.parley.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar parley.jar} in all-in-one mode (embedded PostgreSQL in a fresh data directory), as a separate
 * process with its output in {@code parley.log}; started, waited for ({@code /health}) and stopped with SIGTERM so it
 * stops its PostgreSQL itself. Its pid goes to {@code parley.pid} for run.sh's cleanup trap.
 */
final class ParleyProcess implements AutoCloseable {

    final Path directory;
    final int port;
    final int databasePort;
    private final Process process;

    private ParleyProcess(Path directory, int port, int databasePort, Process process) {
        this.directory = directory;
        this.port = port;
        this.databasePort = databasePort;
        this.process = process;
    }

    static ParleyProcess start(Path jar, Path directory, List<String> jvmFlags, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int port = freePort();
        int databasePort = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.add("-Xlog:gc:file=" + directory.resolve("gc.log"));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("parley.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("DATASOURCES_"));
        env.put("PARLEY_DATA_DIR", directory.resolve("data").toString());
        env.put("PORT", Integer.toString(port));
        env.put("PARLEY_EMBEDDED_DB_PORT", Integer.toString(databasePort));
        env.put("PARLEY_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.putAll(environment);
        Process process = builder.start();
        Files.writeString(directory.resolve("parley.pid"), Long.toString(process.pid()));
        ParleyProcess parley = new ParleyProcess(directory, port, databasePort, process);
        try {
            parley.awaitHealthy(Duration.ofMinutes(3));
        } catch (IOException | RuntimeException e) {
            parley.close();
            throw e;
        }
        return parley;
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The embedded PostgreSQL's postmaster, from its pid file. */
    OptionalLong postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("data/postgres/postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void awaitHealthy(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("parley.jar exited with " + process.exitValue() + "; see "
                            + directory.resolve("parley.log"));
                }
                try {
                    HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200 && answer.body().contains("\"database\":\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
        }
        throw new IOException("parley.jar was not healthy within " + limit + "; see " + directory.resolve("parley.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, so Parley drains and stops its PostgreSQL; SIGKILL (and the postmaster) only if it hangs. */
    @Override
    public void close() {
        OptionalLong postmaster = postmasterPid();
        process.toHandle().destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (postmaster.isPresent()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (ProcStats.alive(postmaster.getAsLong()) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                if (ProcStats.alive(postmaster.getAsLong())) {
                    ProcessHandle.of(postmaster.getAsLong()).ifPresent(ProcessHandle::destroy); // SIGTERM: smart shutdown
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
