package io.parley.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * target/parley.jar started as users start it ({@code java -jar}), for the *IT tests that run after {@code package}:
 * a clean environment (no PARLEY_ or DATASOURCES_ variables of the machine), its own data directory, and its output
 * echoed and kept. {@link #port(long)} waits for the "ready" line.
 */
final class ParleyJar {

    private static final Pattern READY = Pattern.compile("Parley ready in .* http://localhost:(\\d+)");

    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();
    final Thread reader;
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();

    private ParleyJar(Process process) {
        this.process = process;
        this.reader = watch();
    }

    /** Starts the jar with {@code PARLEY_DATA_DIR} and {@code PORT} (-1: any free port) and the given variables. */
    static ParleyJar start(Path dataDirectory, int port, Map<String, String> environment) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", Path.of("target/parley.jar").toString())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("DATASOURCES_"));
        builder.environment().put("PARLEY_DATA_DIR", dataDirectory.toString());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        return new ParleyJar(builder.start());
    }

    /** The HTTP port, once the jar says it is ready. */
    int port(long timeoutSeconds) throws Exception {
        return ready.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    private Thread watch() {
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
}
