package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast benchmark (bench/README.md, "Broadcasts"; issue 12): an ingress process (the all-in-one jar with its
 * embedded PostgreSQL, queue off) serves the admin API; a separate worker process ({@code PARLEY_ROLES=worker},
 * {@code -Xmx256m}) sends. One tenant, one WhatsApp channel, contacts imported by CSV, then up to three broadcasts of
 * a template message to the fake Graph API ({@link FakeGraph}): {@code broadcast} (every contact at 1,000 msg/s),
 * {@code broadcast-80} (rate accuracy at 80 msg/s) and {@code broadcast-crash} (kill -9 of the worker several times).
 */
final class BroadcastRun {

    static final List<String> SCENARIOS = List.of("broadcast", "broadcast-80", "broadcast-crash");

    private final Bench.Settings settings;
    private final List<String> scenarios;
    private final int recipients;
    private final int rateRecipients;
    private final int rate;
    private final int crashRecipients;
    private final int crashRate;
    private final int kills;
    private final long restartMillis;
    private final List<String> workerJvm;
    /** The scenarios whose accepted messages come back as status webhooks ("all", "none" or names). */
    private final List<String> statusScenarios;
    /** Live WhatsApp conversations during each broadcast (0: none), and their pause between turns. */
    private final int liveChats;
    private final long liveThinkMillis;

    BroadcastRun(Bench.Settings settings, Map<String, String> options) {
        this.settings = settings;
        scenarios = Arrays.stream(options.get("scenarios").split(",")).map(String::trim).toList();
        recipients = Integer.parseInt(options.getOrDefault("broadcast-recipients", "100000"));
        rateRecipients = Integer.parseInt(options.getOrDefault("broadcast-rate-recipients", "8000"));
        rate = Integer.parseInt(options.getOrDefault("broadcast-rate", "80"));
        crashRecipients = Integer.parseInt(options.getOrDefault("broadcast-crash-recipients", "20000"));
        crashRate = Integer.parseInt(options.getOrDefault("broadcast-crash-rate", "200"));
        kills = Integer.parseInt(options.getOrDefault("broadcast-kills", "5"));
        restartMillis = Long.parseLong(options.getOrDefault("broadcast-restart-ms", "1000"));
        statusScenarios = Arrays.stream(options.getOrDefault("broadcast-statuses", "broadcast-crash").split(","))
                .map(String::trim).toList();
        liveChats = Integer.parseInt(options.getOrDefault("broadcast-live", "4"));
        liveThinkMillis = Long.parseLong(options.getOrDefault("broadcast-live-think-ms", "1000"));
        workerJvm = Arrays.stream(options.getOrDefault("broadcast-worker-jvm", "-Xmx256m").split("\\s+"))
                .filter(s -> !s.isBlank()).toList();
    }

    private record Figures(String scenario, int allowed, long millis, RecipientTally tally, SendWindows accepted,
                           SendWindows received, long refused, GcLog heap, double loadStart, double loadMax,
                           double loadEnd, List<String> notes) {
    }

    String run() throws Exception {
        List<Figures> results = new ArrayList<>();
        int contacts = Math.max(scenarios.contains("broadcast") ? recipients : 0,
                Math.max(scenarios.contains("broadcast-80") ? rateRecipients : 0,
                        scenarios.contains("broadcast-crash") ? crashRecipients : 0));
        try (FakeGraph graph = new FakeGraph(settings.fixtures());
             FakeLlm llm = new FakeLlm(settings.fixtures())) {
            Map<String, String> common = new LinkedHashMap<>();
            common.put("PARLEY_WHATSAPP_API_URL", graph.apiUrl());
            common.put("PARLEY_LLM_BASE_URL", llm.baseUrl()); // the live conversations' turns
            common.put("PARLEY_LLM_API_KEY", FakeLlm.API_KEY);
            common.put("PARLEY_MAX_REQUEST_BYTES", Integer.toString(32 << 20)); // the contacts CSV
            common.putAll(settings.environment());
            Map<String, String> ingressEnv = new LinkedHashMap<>(common);
            ingressEnv.put("PARLEY_QUEUE_ENABLED", "false");
            ScenarioRun.log("broadcast: starting the ingress process");
            try (ParleyProcess ingress = ParleyProcess.start(settings.jar(),
                    settings.work().resolve("broadcast-ingress"), settings.jvmFlags(), ingressEnv);
                 BroadcastAdmin admin = BroadcastAdmin.provision(ingress.baseUrl());
                 Database database = Database.of(ingress)) {
                database.raisePlan(admin.tenantId);
                Map<String, String> workerEnv = CrashRun.workerEnvironment(ingress, common);
                ScenarioRun.log("broadcast: importing %,d contacts (CSV, through the API)", contacts);
                long importStart = System.nanoTime();
                try (ParleyProcess importer = startWorker("broadcast-import-worker", workerEnv)) {
                    admin.importContacts(contacts, rateRecipients, crashRecipients, Duration.ofMinutes(30));
                }
                ScenarioRun.log("broadcast: imported in %.1f s", (System.nanoTime() - importStart) / 1e9);
                for (String scenario : scenarios) {
                    admin.login();
                    Figures figures = switch (scenario) {
                        case "broadcast" -> broadcast(scenario, graph, admin, database, workerEnv, 1000,
                                BroadcastAdmin.BROADCAST_TAG, 0,
                                ingress.baseUrl());
                        case "broadcast-80" -> broadcast(scenario, graph, admin, database, workerEnv, rate, "r", 0,
                                ingress.baseUrl());
                        case "broadcast-crash" -> broadcast(scenario, graph, admin, database, workerEnv, crashRate,
                                "c", kills, ingress.baseUrl());
                        default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; known: "
                                + SCENARIOS);
                    };
                    results.add(figures);
                    ScenarioRun.log("broadcast: %s done: %s", scenario, figures.tally());
                    // after each scenario, so a run stopped early keeps what it measured
                    Files.writeString(settings.work().resolve("broadcast-report.txt"), report(results));
                }
            }
        }
        String report = report(results);
        Files.writeString(settings.work().resolve("broadcast-report.txt"), report);
        return report;
    }

    private Figures broadcast(String scenario, FakeGraph graph, BroadcastAdmin admin, Database database,
                              Map<String, String> workerEnv, int allowed, String tag, int killCount,
                              String ingressUrl) throws Exception {
        admin.rate(allowed);
        boolean webhooks = statusScenarios.contains("all") || statusScenarios.contains(scenario);
        try (StatusWebhooks statuses = webhooks ? new StatusWebhooks(ingressUrl, admin.channelId,
                BroadcastAdmin.PHONE_NUMBER_ID, BroadcastAdmin.APP_SECRET) : null) {
            graph.statuses(statuses);
            Figures figures = broadcast(scenario, graph, admin, database, workerEnv, allowed, tag, killCount);
            if (statuses != null) {
                figures.notes().add(String.format("status webhooks: %,d statuses posted to the ingress, %,d refused",
                        statuses.posted.get(), statuses.refused.get()));
            }
            return figures;
        } finally {
            graph.statuses(null);
        }
    }

    private Figures broadcast(String scenario, FakeGraph graph, BroadcastAdmin admin, Database database,
                              Map<String, String> workerEnv, int allowed, String tag, int killCount)
            throws Exception {
        String segment = admin.segment(scenario, tag);
        List<String> notes = new ArrayList<>();
        List<Path> workerDirectories = new ArrayList<>();
        double loadStart = ProcStats.loadAverage();
        double loadMax = loadStart;
        int generation = 0;
        workerDirectories.add(settings.work().resolve(scenario + "-worker-" + generation));
        ParleyProcess worker = startWorker(workerDirectories.getLast().getFileName().toString(), workerEnv);
        if (liveChats > 0 && killCount == 0) {
            notes.add("before the broadcast (20 s), " + baseline(graph, admin));
        }
        FakeGraph.Recording recording = graph.record(allowed, BroadcastAdmin.BROADCAST_TAG.equals(tag) ? recipients
                : "r".equals(tag) ? rateRecipients : crashRecipients);
        LiveChats chats = liveChats > 0 && killCount == 0 ? new LiveChats(admin.baseUrl(), admin.channelId,
                BroadcastAdmin.PHONE_NUMBER_ID, BroadcastAdmin.APP_SECRET, liveChats, liveThinkMillis) : null;
        graph.live(chats);
        long start = System.nanoTime();
        String id = admin.broadcast(scenario, segment);
        long planned = -1;
        long deadline = start + Duration.ofMinutes(60).toNanos();
        long sinceStart = recording.accepted();
        String state = "";
        try {
            while (System.nanoTime() < deadline) {
                String shown = admin.broadcastState(id);
                state = JsonField.text(shown, "state");
                planned = BroadcastAdmin.number(shown, "planned");
                loadMax = Math.max(loadMax, ProcStats.loadAverage());
                if ("completed".equals(state) || "paused".equals(state) || "cancelled".equals(state)) {
                    break;
                }
                boolean due = generation < killCount && planned > 0
                        && recording.accepted() >= (generation + 1) * planned / (killCount + 1)
                        && recording.accepted() > sinceStart; // it sent since it started
                if (due) {
                    long pid = worker.pid();
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                    long at = recording.accepted();
                    worker.close();
                    generation++;
                    notes.add(String.format("kill %d at %.1f s, after %,d accepted (pid %d)", generation,
                            (System.nanoTime() - start) / 1e9, at, pid));
                    ScenarioRun.log("broadcast: %s", notes.getLast());
                    Thread.sleep(restartMillis);
                    workerDirectories.add(settings.work().resolve(scenario + "-worker-" + generation));
                    worker = startWorker(workerDirectories.getLast().getFileName().toString(), workerEnv);
                    sinceStart = recording.accepted();
                    ScenarioRun.log("broadcast: worker up again %.1f s after the kill",
                            (System.nanoTime() - start) / 1e9 - Double.parseDouble(notes.getLast()
                                    .replaceAll(".* at ([\\d.]+) s,.*", "$1")));
                }
                Thread.sleep(1000);
            }
            Thread.sleep(2000); // late sends, if any
        } finally {
            if (chats != null) {
                chats.close();
                notes.add("during the broadcast, " + chats.summary());
                graph.live(null);
            }
            worker.close();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!"completed".equals(state)) {
            notes.add("the broadcast ended " + state + " (not completed) after " + millis / 1000 + " s");
        }
        GcLog heap = workerDirectories.stream().map(dir -> GcLog.read(dir.resolve("gc.log")))
                .reduce(BroadcastRun::worst).orElseThrow();
        return new Figures(scenario, allowed, millis, RecipientTally.read(database.connection(), id, recording),
                recording.acceptedWindows(), recording.receivedWindows(), recording.refused.get(), heap, loadStart,
                loadMax, ProcStats.loadAverage(), notes);
    }

    /** The live conversations' latency for 20 s with the worker idle: what the broadcast's figures compare with. */
    private String baseline(FakeGraph graph, BroadcastAdmin admin) throws InterruptedException {
        LiveChats chats = new LiveChats(admin.baseUrl(), admin.channelId, BroadcastAdmin.PHONE_NUMBER_ID,
                BroadcastAdmin.APP_SECRET, liveChats, liveThinkMillis);
        graph.live(chats);
        try {
            Thread.sleep(20_000);
        } finally {
            chats.close();
            graph.live(null);
        }
        return chats.summary();
    }

    private static GcLog worst(GcLog a, GcLog b) {
        return new GcLog(Math.max(a.peakUsedMib(), b.peakUsedMib()), Math.max(a.maxLiveMib(), b.maxLiveMib()),
                Math.max(a.committedMib(), b.committedMib()), a.pauses() + b.pauses(),
                a.fullPauses() + b.fullPauses(), a.pauseMillis() + b.pauseMillis());
    }

    private ParleyProcess startWorker(String name, Map<String, String> env) throws IOException, InterruptedException {
        return ParleyProcess.start(settings.jar(), settings.work().resolve(name), workerJvm, env);
    }

    private String report(List<Figures> results) {
        StringBuilder out = new StringBuilder("Broadcast benchmark (issue 12): " + ProcStats.machine() + "\n");
        out.append("worker JVM: ").append(String.join(" ", workerJvm)).append("; extra environment: ")
                .append(settings.environment()).append('\n');
        for (Figures f : results) {
            out.append(String.format("%n== %s: %,d recipients, the number allows %,d msg/s (fake refuses more with "
                    + "130429) ==%n", f.scenario(), f.tally().planned(), f.allowed()));
            f.notes().forEach(note -> out.append("  ").append(note).append('\n'));
            out.append(String.format("  total time (send → completed, polled each 1 s): %.1f s%n",
                    f.millis() / 1000.0));
            out.append(String.format("  accepted by the fake: %,d in %.1f s → sustained %.1f msg/s; per whole second: "
                            + "mean %.1f, max %,d; max in any sliding 1 s window: %,d%n", f.accepted().count(),
                    f.accepted().seconds(), f.accepted().sustained(), f.accepted().meanPerSecond(),
                    f.accepted().maxPerSecond(), f.accepted().maxSliding()));
            out.append(String.format("  requests received (with refused): max in any sliding 1 s window %,d; "
                    + "refused 130429: %,d%n", f.received().maxSliding(), f.refused()));
            out.append(String.format("  duplicates %,d | skipped (planned, never accepted) %,d | failed but arrived "
                            + "%,d | messages to numbers not planned %,d%n", f.tally().duplicates(), f.tally().skipped(),
                    f.tally().failedButArrived(), f.tally().unknownRecipients()));
            out.append("  recipients by status: ").append(f.tally().byStatus()).append('\n');
            f.tally().failureReasons().forEach((reason, count) -> out.append(String.format("    %,d × %s%n", count,
                    reason)));
            out.append(String.format("  worker heap (gc.log, every worker process of the scenario): peak used %d MiB,"
                            + " max after GC %d MiB, committed %d MiB; %d pauses (%d full), %.0f ms%n",
                    f.heap().peakUsedMib(), f.heap().maxLiveMib(), f.heap().committedMib(), f.heap().pauses(),
                    f.heap().fullPauses(), f.heap().pauseMillis()));
            out.append(String.format("  load average (1 min): %.1f at the start, %.1f max, %.1f at the end%n",
                    f.loadStart(), f.loadMax(), f.loadEnd()));
        }
        return out.toString();
    }
}
