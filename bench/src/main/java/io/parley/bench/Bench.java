package io.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark driver (run by bench/run.sh; see bench/README.md): fake LINE and LLM servers on 127.0.0.1, then for
 * each scenario a fresh all-in-one parley.jar, signed LINE webhooks from many contacts, and one table of figures.
 * Traffic goes only to 127.0.0.1; every phase is bounded in count and time.
 */
public final class Bench {

    /**
     * @param profiler libasyncProfiler.so to load into Parley for the measured phase (CPU profile in collapsed-stack
     *                 format), or null
     */
    record Settings(Path jar, Path fixtures, Path work, List<String> jvmFlags, Map<String, String> environment,
                    boolean jfr, Path profiler, boolean jdkClient, boolean statementStatistics) {
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + name + "; see bench/README.md");
            }
            if (name.equals("--jfr") || name.equals("--pg-stat-statements")) {
                options.put(name.substring(2), "true");
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            } else if (name.equals("--env")) {
                String[] pair = args[++i].split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            } else {
                options.put(name.substring(2), args[++i]);
            }
        }
        Settings settings = new Settings(Path.of(options.getOrDefault("jar", "app/target/parley.jar")).toAbsolutePath(),
                Path.of(options.getOrDefault("fixtures", "core/src/test/resources/protocols/fixtures")),
                Path.of(options.getOrDefault("work", "bench/target/run")).toAbsolutePath(),
                Arrays.stream(options.getOrDefault("jvm", "-Xmx512m").split("\\s+")).filter(s -> !s.isBlank()).toList(),
                environment, options.containsKey("jfr"),
                options.containsKey("async-profiler") ? Path.of(options.get("async-profiler")).toAbsolutePath() : null,
                options.getOrDefault("client", "raw").equals("jdk"), options.containsKey("pg-stat-statements"));
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalArgumentException(settings.jar() + " is missing; build it first (bench/run.sh does)");
        }
        Files.createDirectories(settings.work());
        if ("analytics".equals(options.get("scenarios"))) {
            System.out.println(new AnalyticsRun(settings, options).run()); // bench/README.md, "Analytics"
            return;
        }
        if (options.containsKey("scenarios") && BroadcastRun.SCENARIOS.containsAll(
                List.of(options.get("scenarios").split(",")))) {
            System.out.println(new BroadcastRun(settings, options).run()); // bench/README.md, "Broadcasts"
            return;
        }
        if ("knowledge".equals(options.get("scenarios"))) {
            System.out.println(new KnowledgeRun(settings, options).run()); // bench/README.md, "Knowledge indexing"
            return;
        }
        if ("queue-depth".equals(options.get("scenarios"))) {
            System.out.println(new QueueDepthRun(settings, options).run()); // bench/README.md, "Queue depth"
            return;
        }
        if ("startup".equals(options.get("scenarios"))) {
            System.out.println(new StartupRun(settings, options).run()); // bench/README.md, "Start-up"
            return;
        }
        if ("crash".equals(options.get("scenarios"))) {
            System.out.println(new CrashRun(settings, options).run()); // bench/README.md, "Crash run"
            return;
        }
        List<Scenario> scenarios = scenarios(options);
        List<Outcome> outcomes = new ArrayList<>();
        Ceilings ceilings = new Ceilings();
        int ceilingSeconds = Integer.parseInt(options.getOrDefault("ceiling-seconds", "10")); // 0: no ceilings
        if (ceilingSeconds > 0) { // bench/README.md, "In-run ceilings"
            ScenarioRun.log("HTTP ceiling: a bare Micronaut POST handler, %d s warm-up, %d s measured", ceilingSeconds,
                    ceilingSeconds);
            ceilings.measureHttp(settings, Integer.parseInt(options.getOrDefault("ack-concurrency", "64")),
                    ceilingSeconds, ceilingSeconds, settings.work().resolve("0-ceiling"));
        }
        try (FakeLine line = new FakeLine(settings.fixtures()); FakeLlm llm = new FakeLlm(settings.fixtures())) {
            ScenarioRun runner = new ScenarioRun(settings, line, llm, ceilings,
                    Integer.parseInt(options.getOrDefault("ceiling-clients", "32")), Math.min(ceilingSeconds, 5));
            for (int i = 0; i < scenarios.size(); i++) {
                Outcome outcome = runner.run(i + 1, scenarios.get(i));
                outcomes.add(outcome);
                ScenarioRun.log("%s done: %s", outcome.scenario().key(), outcome.errors());
            }
        }
        String report = Report.render(outcomes, settings) + CeilingReport.render(outcomes, ceilings);
        System.out.println(report);
        Files.writeString(settings.work().resolve("report.txt"), report);
    }

    private static List<Scenario> scenarios(Map<String, String> options) {
        int contacts = Integer.parseInt(options.getOrDefault("contacts", "2000"));
        int ackSeconds = Integer.parseInt(options.getOrDefault("ack-seconds", "30"));
        int ackConcurrency = Integer.parseInt(options.getOrDefault("ack-concurrency", "64"));
        int turns = Integer.parseInt(options.getOrDefault("turns", "20000"));
        int turnConcurrency = Integer.parseInt(options.getOrDefault("turn-concurrency", "64"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "200"));
        int pacedTurns = Integer.parseInt(options.getOrDefault("paced-turns", "6000"));
        int inFlight = Integer.parseInt(options.getOrDefault("inflight", "2000"));
        String queueConcurrency = options.getOrDefault("inflight-queue-concurrency", "2500");
        long llmMillis = Long.parseLong(options.getOrDefault("llm-ms", "3000"));
        int ackWarmup = Integer.parseInt(options.getOrDefault("ack-warmup-seconds", "30"));
        int turnWarmup = Integer.parseInt(options.getOrDefault("warmup-turns", "5000"));
        int ackCount = ackSeconds * ScenarioRun.MAX_ACKS_PER_SECOND;
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("ack", new Scenario("ack", "(a) durable acks, ingress only (queue off)", ackWarmup, ackCount, ackSeconds,
                contacts, ackConcurrency, false, 0, 0, Map.of("PARLEY_QUEUE_ENABLED", "false")));
        all.put("ack-busy", new Scenario("ack-busy", "(a') durable acks while the queue runs turns", ackWarmup, ackCount,
                ackSeconds, contacts, ackConcurrency, false, 0, 0, Map.of()));
        all.put("e2e", new Scenario("e2e", "(b) end to end, 0 ms LLM, as fast as acked", turnWarmup, turns, 0, contacts,
                turnConcurrency, true, 0, 0, Map.of()));
        all.put("e2e-paced", new Scenario("e2e-paced", "(b') end to end, 0 ms LLM, paced at " + (long) rate + "/s",
                turnWarmup, pacedTurns, 0, contacts, turnConcurrency, true, rate, 0, Map.of()));
        all.put("inflight", new Scenario("inflight", "(c) " + inFlight + " turns against a " + llmMillis + " ms LLM",
                turnWarmup, inFlight, 0, inFlight, 256, true, 0, llmMillis,
                Map.of("PARLEY_QUEUE_CONCURRENCY", queueConcurrency)));
        int overloadSeconds = Integer.parseInt(options.getOrDefault("overload-seconds", "60"));
        double overloadFactor = Double.parseDouble(options.getOrDefault("overload-factor", "2"));
        all.put("overload", new Scenario("overload", "(d) " + overloadFactor + "× the measured capacity for "
                + overloadSeconds + " s, 0 ms LLM: replies in LINE's window vs what capacity allowed", turnWarmup,
                0, overloadSeconds, contacts, turnConcurrency, true, -overloadFactor, 0, Map.of()));
        List<Scenario> chosen = new ArrayList<>();
        for (String key : options.getOrDefault("scenarios", "ack,ack-busy,e2e,e2e-paced,inflight").split(",")) {
            Scenario scenario = all.get(key.trim());
            if (scenario == null) {
                throw new IllegalArgumentException("unknown scenario " + key + "; known: " + all.keySet());
            }
            chosen.add(scenario);
        }
        return chosen;
    }
}
