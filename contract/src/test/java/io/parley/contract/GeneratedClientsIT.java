package io.parley.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every client generated from the OpenAPI document (target/clients, by openapi-generator in generate-sources) runs
 * the same story against app/target/parley.jar as users start it (demo LLM, embedded PostgreSQL in a temp data
 * directory): sign up, create a bot with limits, PATCH it, add a web channel, page through API keys, parse a 404
 * problem, call with an API key, delete. The Java clients run in this JVM; TypeScript (compiled by tsc in
 * pre-integration-test) with node; Python with the machine's python3.
 */
class GeneratedClientsIT {

    private static final Path CONTRACT = Path.of("").toAbsolutePath();
    private static final Path JAR = CONTRACT.resolve("../app/target/parley.jar").normalize();
    private static final Pattern READY = Pattern.compile("Parley ready in .* http://localhost:(\\d+)");
    private static final long SMOKE_TIMEOUT_SECONDS = 120;
    /**
     * An Accept header to send instead of the generated one; null (always, now that content negotiation accepts
     * {@code application/problem+json} and {@code application/*}): every client runs exactly as generated. Setting
     * it is only for diagnosing a client that gets 406.
     */
    private static final String ACCEPT_UNTIL_NEGOTIATION_IS_FIXED = null;

    @TempDir
    static Path dataDirectory;
    private static Process parley;
    private static String baseUrl;

    @BeforeAll
    static void startParley() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("DATASOURCES_"));
        builder.environment().putAll(Map.of("PARLEY_DATA_DIR", dataDirectory.toString(), "PORT", "-1"));
        parley = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> echo(parley, "parley.jar", port));
        baseUrl = "http://localhost:" + port.get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopParley() throws InterruptedException {
        if (parley != null) {
            parley.destroy();
            if (!parley.waitFor(60, TimeUnit.SECONDS)) {
                parley.destroyForcibly();
            }
        }
    }

    @Test
    void javaNativeClientRunsTheStory() throws Exception {
        NativeClientSmoke.run(baseUrl, ACCEPT_UNTIL_NEGOTIATION_IS_FIXED);
    }

    @Test
    void javaOkHttpGsonClientRunsTheStory() throws Exception {
        OkHttpGsonClientSmoke.run(baseUrl, ACCEPT_UNTIL_NEGOTIATION_IS_FIXED);
    }

    @Test
    void typescriptFetchClientRunsTheStory() throws Exception {
        assertThat(run("typescript", List.of("node", "target/smoke/typescript/smoke/typescript/smoke.js", baseUrl),
                Map.of())).as("smoke.js exit code (its output above says which step failed)").isZero();
    }

    @Test
    void pythonClientRunsTheStory() throws Exception {
        assertThat(run("python", List.of(System.getenv().getOrDefault("PYTHON", "python3"), "smoke/python/smoke.py",
                baseUrl), pythonEnvironment()))
                .as("smoke.py exit code (its output above says which step failed)").isZero();
    }

    private static Map<String, String> pythonEnvironment() {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("PYTHONPATH", CONTRACT.resolve("target/clients/python").toString());
        if (ACCEPT_UNTIL_NEGOTIATION_IS_FIXED != null) {
            environment.put("PARLEY_SMOKE_ACCEPT", ACCEPT_UNTIL_NEGOTIATION_IS_FIXED);
        }
        return environment;
    }

    private static int run(String name, List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(CONTRACT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process smoke = builder.start();
        smoke.getOutputStream().close();
        Thread echo = Thread.ofVirtual().start(() -> echo(smoke, name, null));
        if (!smoke.waitFor(SMOKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            smoke.descendants().forEach(ProcessHandle::destroyForcibly);
            smoke.destroyForcibly();
            fail(name + " smoke program did not finish in " + SMOKE_TIMEOUT_SECONDS + " s");
        }
        echo.join(5_000);
        return smoke.exitValue();
    }

    private static void echo(Process process, String name, CompletableFuture<Integer> ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println("[" + name + "] " + line);
                Matcher matcher = READY.matcher(line);
                if (ready != null && matcher.find()) {
                    ready.complete(Integer.parseInt(matcher.group(1)));
                }
            }
            if (ready != null) {
                ready.completeExceptionally(new IllegalStateException("parley.jar exited before it was ready"));
            }
        } catch (IOException e) {
            if (ready != null) {
                ready.completeExceptionally(e);
            }
        }
    }
}
