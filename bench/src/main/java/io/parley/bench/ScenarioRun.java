package io.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link Scenario}: a fresh parley.jar against the fakes, provisioned through the admin API, a warm-up, the
 * measured phase under a {@link Monitor}, then Parley stopped. Everything it leaves is in the scenario's directory:
 * parley.log, gc.log, the database, and with {@code --jfr} a flight recording of the measured phase.
 */
final class ScenarioRun {

    /** The most a measured ack-only phase may send: bounded in count as well as in time. */
    static final int MAX_ACKS_PER_SECOND = 40_000;

    private final Bench.Settings settings;
    private final FakeLine line;
    private final FakeLlm llm;

    private final Ceilings ceilings;
    private final int ceilingClients;
    private final int ceilingSeconds;

    /**
     * @param ceilingSeconds how long each scenario's durability ceiling is measured (0 = not), with
     *                       {@code ceilingClients} connections
     */
    ScenarioRun(Bench.Settings settings, FakeLine line, FakeLlm llm, Ceilings ceilings, int ceilingClients,
                int ceilingSeconds) {
        this.settings = settings;
        this.line = line;
        this.llm = llm;
        this.ceilings = ceilings;
        this.ceilingClients = ceilingClients;
        this.ceilingSeconds = ceilingSeconds;
    }

    Outcome run(int index, Scenario scenario) throws IOException, InterruptedException, SQLException {
        Path directory = settings.work().resolve(index + "-" + scenario.key());
        Map<String, String> environment = new HashMap<>();
        environment.put("PARLEY_LINE_API_URL", line.baseUrl());
        environment.put("PARLEY_LLM_BASE_URL", llm.baseUrl());
        environment.put("PARLEY_LLM_API_KEY", FakeLlm.API_KEY);
        environment.putAll(scenario.environment());
        environment.putAll(settings.environment());
        log("%s: starting parley.jar in %s", scenario.key(), directory);
        Admin.Setup setup = null;
        if (settings.statementStatistics()) {
            // provision, then restart with pg_stat_statements loaded (the embedded server is initialized by Parley)
            try (ParleyProcess first = ParleyProcess.start(settings.jar(), directory, settings.jvmFlags(), environment);
                 Database database = Database.of(first)) {
                setup = Admin.provision(first.baseUrl());
                database.raisePlan(setup.tenantId());
                database.preloadStatementStatistics();
            }
        }
        try (ParleyProcess parley = ParleyProcess.start(settings.jar(), directory, settings.jvmFlags(), environment);
             Database database = Database.of(parley)) {
            if (setup == null) {
                setup = Admin.provision(parley.baseUrl());
                database.raisePlan(setup.tenantId());
            }
            if (ceilingSeconds > 0) {
                log("%s: durability ceiling, %d s of one-row commits from %d connections", scenario.key(),
                        ceilingSeconds, ceilingClients);
                ceilings.measureDurable(scenario.key(), database, ceilingClients, ceilingSeconds);
            }
            LineWebhooks webhooks = new LineWebhooks(Admin.CHANNEL_SECRET, Long.toString(System.currentTimeMillis(), 36));
            Outcome outcome;
            try (WebhookLoad load = new WebhookLoad(parley.baseUrl(), setup.channelId(), webhooks, settings.jdkClient(),
                    scenario.concurrency())) {
                warmUp(index, scenario, load);
                outcome = measure(index, scenario, parley, database, load, directory);
            }
            parley.close(); // before reading gc.log, so it is complete
            return new Outcome(scenario, outcome.phase(), outcome.usage(), GcLog.read(directory.resolve("gc.log")),
                    outcome.llmCalls(), outcome.loadings(), outcome.unmatchedReplies(), outcome.heapInfo(),
                    outcome.statements(), directory);
        }
    }

    private void warmUp(int index, Scenario scenario, WebhookLoad load) throws InterruptedException {
        llm.delayMillis = 0;
        if (scenario.waitReplies()) {
            Phase warm = new Phase(index * 10 + 1, scenario.warmup(), true);
            line.track(warm);
            log("%s: warm-up, %d turns", scenario.key(), scenario.warmup());
            load.run(warm, scenario.warmup(), scenario.contacts(), scenario.concurrency(), 0, 0);
            awaitReplies(warm);
        } else {
            Phase warm = new Phase(index * 10 + 1, scenario.warmup() * MAX_ACKS_PER_SECOND, false);
            line.track(warm); // its replies (ack-busy) are then known, not "unmatched"
            log("%s: warm-up, %d s of acks", scenario.key(), scenario.warmup());
            load.run(warm, warm.capacity, scenario.contacts(), scenario.concurrency(),
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(scenario.warmup()), 0);
        }
    }

    private Outcome measure(int index, Scenario scenario, ParleyProcess parley, Database database, WebhookLoad load,
                            Path directory) throws IOException, InterruptedException, SQLException {
        int capacity = scenario.seconds() > 0 ? Math.min(scenario.count(), scenario.seconds() * MAX_ACKS_PER_SECOND)
                : scenario.count();
        double rate = scenario.rate();
        double probed = Double.NaN;
        if (rate < 0) { // a multiple of the capacity, measured now (the overload scenario)
            probed = probeCapacity(index, scenario, load);
            rate = -rate * probed;
            capacity = (int) Math.ceil(rate * scenario.seconds()) + 1;
            log("%s: capacity %.0f turns/s; offering %.0f/s for %d s", scenario.key(), probed, rate,
                    scenario.seconds());
        }
        Phase phase = new Phase(index * 10 + 2, capacity, scenario.waitReplies());
        phase.probedTurnsPerSecond = probed;
        line.track(phase);
        llm.delayMillis = scenario.llmMillis();
        long llmCalls = llm.calls.get();
        long loadings = line.loadings.get();
        long unmatched = line.unmatchedReplies.get();
        if (settings.jfr()) {
            // CPU-time sampling (JEP 509) sees virtual threads and native frames; ExecutionSample misses most of them
            jcmd(parley, directory.resolve("jfr-start.txt"), "JFR.start", "name=bench", "settings=profile",
                    "jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=2ms",
                    "filename=" + directory.resolve("measured.jfr"));
        }
        if (settings.profiler() != null) {
            jcmd(parley, directory.resolve("profiler-start.txt"), "JVMTI.agent_load", settings.profiler().toString(),
                    "\"start,event=cpu,interval=1ms\""); // quoted, or jcmd takes "event=…" for its own option
        }
        if (settings.statementStatistics()) {
            database.resetStatementStatistics();
        }
        log("%s: measuring %s", scenario.key(), scenario.seconds() > 0 ? scenario.seconds() + " s of acks"
                : scenario.count() + " turns");
        Monitor monitor = new Monitor(parley, database, llm);
        String heapInfo = null;
        Monitor.Usage usage;
        try {
            load.run(phase, capacity, scenario.contacts(), scenario.concurrency(),
                    scenario.seconds() > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(scenario.seconds()) : 0,
                    rate);
            if (scenario.llmMillis() > 0) {
                // every webhook is acknowledged and most turns are waiting on the LLM right now: the heap at its fullest
                heapInfo = jcmd(parley, directory.resolve("heap-info.txt"), "GC.heap_info");
            }
            if (scenario.waitReplies()) {
                awaitReplies(phase);
            }
        } finally {
            usage = monitor.finish();
        }
        if (settings.jfr()) {
            jcmd(parley, directory.resolve("jfr-stop.txt"), "JFR.stop", "name=bench");
        }
        if (settings.profiler() != null) {
            jcmd(parley, directory.resolve("profiler-stop.txt"), "JVMTI.agent_load", settings.profiler().toString(),
                    "\"stop,collapsed,file=" + directory.resolve("cpu.collapsed") + "\"");
        }
        List<String> statements = List.of();
        if (settings.statementStatistics()) {
            statements = database.topStatements(25);
            Files.write(directory.resolve("statements.txt"), statements);
        }
        return new Outcome(scenario, phase, usage, null, llm.calls.get() - llmCalls, line.loadings.get() - loadings,
                line.unmatchedReplies.get() - unmatched, heapInfo, statements, directory);
    }

    /** Completed turns per second of {@code scenario.warmup()} turns sent as fast as acked, after the warm-up. */
    private double probeCapacity(int index, Scenario scenario, WebhookLoad load) throws InterruptedException {
        Phase probe = new Phase(index * 10 + 3, scenario.warmup(), true);
        line.track(probe);
        log("%s: capacity probe, %d turns as fast as acknowledged", scenario.key(), scenario.warmup());
        load.run(probe, scenario.warmup(), scenario.contacts(), scenario.concurrency(), 0, 0);
        awaitReplies(probe);
        long span = probe.lastRepliedAt.get() - probe.firstSentAt;
        return span <= 0 ? 0 : probe.answered() / (span / 1e9);
    }

    /**
     * Until every acknowledged webhook of the phase is answered (reply or push), or nothing moved for 30 s — neither
     * an answer nor an LLM call (turns can progress while their replies wait) — or 10 minutes passed.
     */
    private void awaitReplies(Phase phase) throws InterruptedException {
        long start = System.nanoTime();
        long lastProgress = start;
        long seen = -1;
        while (phase.answered() < phase.acked.get()) {
            long now = System.nanoTime();
            long progress = phase.answered() + llm.calls.get();
            if (progress != seen) {
                seen = progress;
                lastProgress = now;
            } else if (now - lastProgress > TimeUnit.SECONDS.toNanos(30) || now - start > TimeUnit.MINUTES.toNanos(10)) {
                log("  gave up waiting: %d of %d answered", phase.answered(), phase.acked.get());
                return;
            }
            Thread.sleep(20);
        }
    }

    /** Runs jcmd against Parley, keeping its output in {@code output}; returns the output. */
    private static String jcmd(ParleyProcess parley, Path output, String... command)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(parley.pid()));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    static void log(String format, Object... arguments) {
        System.err.printf("[bench] " + format + "%n", arguments);
    }
}
