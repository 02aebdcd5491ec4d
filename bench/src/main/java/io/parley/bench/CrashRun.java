package io.parley.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The crash run (bench/README.md, "Crash run"; {@code bench/run.sh --scenarios crash}): an ingress process (the
 * all-in-one jar with its embedded PostgreSQL, queue off) takes the webhooks, and {@code workers} worker processes
 * ({@code PARLEY_ROLES=worker} on that database) run the turns and sends. While contacts chat, one worker at a time
 * is killed with SIGKILL and started again a moment later; a surviving worker (or the restarted one) must take over
 * the dead one's jobs. Then it counts what the contacts saw ({@link CrashTally}).
 */
final class CrashRun {

    private final Bench.Settings settings;
    private final int contacts;
    private final int events;
    private final int kills;
    private final int workers;
    private final long seconds;
    private final long restartMillis;
    private final long llmMillis;

    CrashRun(Bench.Settings settings, Map<String, String> options) {
        this.settings = settings;
        contacts = Integer.parseInt(options.getOrDefault("crash-contacts", "50"));
        events = Integer.parseInt(options.getOrDefault("crash-events", "1500"));
        kills = Integer.parseInt(options.getOrDefault("crash-kills", "12"));
        workers = Integer.parseInt(options.getOrDefault("crash-workers", "2"));
        seconds = Long.parseLong(options.getOrDefault("crash-seconds", "180"));
        restartMillis = Long.parseLong(options.getOrDefault("crash-restart-ms", "2000"));
        llmMillis = Long.parseLong(options.getOrDefault("crash-llm-ms", "1000"));
    }

    String run() throws Exception {
        CrashTally tally = new CrashTally();
        List<String> killLog = new ArrayList<>();
        try (CrashFakes fakes = new CrashFakes(settings.fixtures(), tally, llmMillis)) {
            Map<String, String> common = new LinkedHashMap<>();
            common.put("PARLEY_LINE_API_URL", fakes.lineUrl());
            common.put("PARLEY_LLM_BASE_URL", fakes.llmUrl());
            common.put("PARLEY_LLM_API_KEY", FakeLlm.API_KEY);
            common.putAll(settings.environment());
            Map<String, String> ingressEnv = new LinkedHashMap<>(common);
            ingressEnv.put("PARLEY_QUEUE_ENABLED", "false");
            ScenarioRun.log("crash: starting the ingress process");
            try (ParleyProcess ingress = ParleyProcess.start(settings.jar(), settings.work().resolve("crash-ingress"),
                    settings.jvmFlags(), ingressEnv)) {
                Admin.Setup setup = Admin.provision(ingress.baseUrl());
                try (Database database = Database.of(ingress)) {
                    database.raisePlan(setup.tenantId());
                }
                Map<String, String> workerEnv = workerEnvironment(ingress, common);
                AtomicReferenceArray<ParleyProcess> running = new AtomicReferenceArray<>(workers);
                for (int i = 0; i < workers; i++) {
                    running.set(i, startWorker(i, 0, workerEnv));
                }
                ScenarioRun.log("crash: %d workers up; %d contacts send %d messages over ~%d s, %d kills", workers,
                        contacts, events, seconds, kills);
                long start = System.nanoTime();
                Thread load = Thread.ofVirtual().start(() -> send(ingress, setup, tally));
                List<Thread> restarts = new ArrayList<>();
                for (int k = 0; k < kills; k++) {
                    sleepUntil(start + (k + 1) * Duration.ofSeconds(seconds).toNanos() / (kills + 1));
                    int victim = k % workers;
                    // Only a worker that is up, and only while another one is up: a surviving worker takes over.
                    while (running.get(victim) == null || !othersUp(running, victim)) {
                        Thread.sleep(100);
                    }
                    ParleyProcess killed = running.getAndSet(victim, null);
                    long pid = killed.pid();
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                    long at = (System.nanoTime() - start) / 1_000_000;
                    int generation = k + 1;
                    restarts.add(Thread.ofVirtual().start(() -> {
                        try {
                            Thread.sleep(restartMillis);
                            killed.close();
                            running.set(victim, startWorker(victim, generation, workerEnv));
                            ScenarioRun.log("crash: worker %d up again %.1f s after kill %d", victim + 1,
                                    ((System.nanoTime() - start) / 1_000_000 - at) / 1000.0, generation);
                        } catch (IOException | InterruptedException e) {
                            ScenarioRun.log("crash: worker %d did not start again: %s", victim + 1, e.getMessage());
                        }
                    }));
                    killLog.add(String.format("kill %d at %.1f s: worker %d (pid %d)", generation, at / 1000.0,
                            victim + 1, pid));
                    ScenarioRun.log("crash: %s", killLog.getLast());
                }
                for (Thread restart : restarts) {
                    restart.join();
                }
                load.join();
                awaitAnswers(tally, Duration.ofSeconds(180));
                for (int i = 0; i < workers; i++) {
                    if (running.get(i) != null) {
                        running.get(i).close();
                    }
                }
            }
            CrashTally.Figures figures = tally.figures();
            String report = report(figures, killLog, fakes.llmCalls.get())
                    + "reply tokens refused as used: " + fakes.usedTokenRefusals.get() + "\n";
            Files.writeString(settings.work().resolve("crash-report.txt"), report);
            return report;
        }
    }

    private static boolean othersUp(AtomicReferenceArray<ParleyProcess> running, int victim) {
        for (int i = 0; i < running.length(); i++) {
            if (i != victim && running.get(i) != null) {
                return true;
            }
        }
        return false;
    }

    private ParleyProcess startWorker(int index, int generation, Map<String, String> env)
            throws IOException, InterruptedException {
        return ParleyProcess.start(settings.jar(), settings.work().resolve("crash-w" + (index + 1) + "-" + generation),
                settings.jvmFlags(), env);
    }

    /** Worker processes on the ingress' embedded database, with its secrets (so they open the sealed credentials). */
    static Map<String, String> workerEnvironment(ParleyProcess ingress, Map<String, String> common)
            throws IOException {
        Properties passwords = read(ingress.directory.resolve("data/database.properties"));
        Properties secrets = read(ingress.directory.resolve("data/secrets.properties"));
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("PARLEY_ROLES", "worker");
        env.put("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + ingress.databasePort + "/parley");
        env.put("DATASOURCES_DEFAULT_USERNAME", "parley_app");
        env.put("DATASOURCES_DEFAULT_PASSWORD", passwords.getProperty("app-password"));
        env.put("PARLEY_DATABASE_MIGRATE", "false");
        env.put("PARLEY_ENCRYPTION_KEY", secrets.getProperty("encryption-key"));
        env.put("PARLEY_JWT_SECRET", secrets.getProperty("jwt-secret"));
        return env;
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * Each contact on its own virtual thread sends its share of the messages in order, each after the previous was
     * acknowledged (retried until it is, as LINE redelivers): mostly in quick runs (0.3–1.5 s apart, people typing
     * several short messages), sometimes after a pause (5–15 s). Seeded, so runs are comparable.
     */
    private void send(ParleyProcess ingress, Admin.Setup setup, CrashTally tally) {
        LineWebhooks webhooks = new LineWebhooks(Admin.CHANNEL_SECRET, "CR" + System.currentTimeMillis());
        AtomicInteger sequence = new AtomicInteger();
        double scale = scale();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < contacts; c++) {
                int contact = c;
                int share = events / contacts + (c < events % contacts ? 1 : 0);
                threads.add(Thread.ofVirtual().start(() -> {
                    Random random = new Random(contact);
                    for (int m = 1; m <= share; m++) {
                        long gap = random.nextDouble() < 0.7 ? 300 + random.nextInt(1200) : 5000 + random.nextInt(10000);
                        sleep((long) (gap * scale));
                        long seq = sequence.incrementAndGet();
                        byte[] body = webhooks.body(0, seq, LineWebhooks.userId(contact), CrashTally.text(contact, m));
                        tally.token(contact, m, LineWebhooks.replyToken(0, seq));
                        tally.sent(contact, m, System.nanoTime());
                        deliver(client, ingress, setup, webhooks, body);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stretches the gaps so the messages take about {@code seconds} (the unscaled mean gap is 3.63 s). */
    private double scale() {
        double perContact = (double) events / contacts;
        return seconds * 1000.0 / (perContact * 3630.0);
    }

    private static void deliver(HttpClient client, ParleyProcess ingress, Admin.Setup setup, LineWebhooks webhooks,
                                byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingress.baseUrl() + "/webhooks/line/" + setup.channelId()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("x-line-signature", webhooks.sign(body)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // retried, like LINE's redelivery
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(1000);
        }
    }

    private static void awaitAnswers(CrashTally tally, Duration patience) throws InterruptedException {
        long last = tally.unanswered();
        long quietSince = System.nanoTime();
        while (last > 0 && System.nanoTime() - quietSince < patience.toNanos()) {
            Thread.sleep(1000);
            long now = tally.unanswered();
            if (now < last) {
                quietSince = System.nanoTime();
            }
            last = now;
        }
        Thread.sleep(5000); // late duplicates, if any
    }

    private String report(CrashTally.Figures f, List<String> killLog, long llmCalls) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("crash run: %d contacts, %d messages, %d x kill -9 of %d worker processes, LLM %d ms%n",
                contacts, f.messages(), kills, workers, llmMillis));
        killLog.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append(String.format("lost %d | reordered %d | duplicate %d (named again by a later answer: %d) | answered "
                        + "by push %d (%d–%d ms after sending) | answered >= 10 s after sending %d%n", f.lost(),
                f.reordered(), f.duplicates(), f.namedAgain(),
                f.latePushed(), f.pushedMinMs(), f.pushedMaxMs(), f.over10s()));
        out.append(String.format("answer latency p50 %d ms, p99 %d ms, max %d ms; %d answers (%d pushes, %d fallbacks) "
                + "for %d messages, %d LLM calls%n", f.p50Ms(), f.p99Ms(), f.maxMs(), f.answers(), f.pushes(),
                f.fallbacks(), f.messages(), llmCalls));
        f.duplicateExamples().forEach(example -> out.append("  duplicate: ").append(example).append('\n'));
        return out.toString();
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
