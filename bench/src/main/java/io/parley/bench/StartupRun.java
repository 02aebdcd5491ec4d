package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up with existing data (bench/README.md, "Start-up"; issue 16: the all-in-one jar &lt; 3 s to ready, the
 * split {@code worker} role alone &lt; 2 s). One data directory is made first (embedded PostgreSQL initialised,
 * migrated, a tenant with a bot and a LINE channel provisioned); a training run then writes a JDK AOT cache
 * ({@code -XX:AOTCacheOutput}, JEP 483/514: written when the JVM exits) after serving the same provisioning; then the
 * all-in-one jar is started on that directory {@code --startup-runs} times without and with the cache, and the worker
 * role alone (on the all-in-one's database, {@code PARLEY_ROLES=worker}) the same. Each start is measured by
 * "Parley ready in X s" (the JVM's uptime when the HTTP server listens), the wall time until {@code /health} answers
 * with the database up, the JVM's CPU seconds by then (less sensitive to other work on the machine than the wall clock)
 * and its RSS.
 */
final class StartupRun {

    private static final Pattern READY = Pattern.compile("Parley ready in ([0-9.]+) s");

    private final Bench.Settings settings;
    private final Map<String, String> options;

    StartupRun(Bench.Settings settings, Map<String, String> options) {
        this.settings = settings;
        this.options = options;
    }

    /** One start: JVM uptime at "ready", wall time to a healthy /health, CPU seconds and RSS (MiB) at that point. */
    record Start(double readySeconds, double wallSeconds, double cpuSeconds, long rssMib) {
    }

    /** The starts of one way of starting. */
    record Mode(String label, List<Start> starts) {
    }

    String run() throws Exception {
        int runs = Integer.parseInt(options.getOrDefault("startup-runs", "3"));
        Path directory = settings.work().resolve("startup");
        Path allInOne = directory.resolve("all-in-one");
        Path cache = directory.resolve("parley.aot");
        List<Mode> modes = new ArrayList<>();
        double loadBefore = ProcStats.loadAverage();
        try (FakeLine line = new FakeLine(settings.fixtures())) { // provisioning verifies the LINE channel
            Map<String, String> environment = new HashMap<>();
            environment.put("PARLEY_LINE_API_URL", line.baseUrl());
            environment.putAll(settings.environment());
            ScenarioRun.log("startup: first start (a fresh database, migrated) and a tenant provisioned");
            try (ParleyProcess first = ParleyProcess.start(settings.jar(), allInOne, settings.jvmFlags(), environment)) {
                Admin.provision(first.baseUrl());
            }
            ScenarioRun.log("startup: training run for the AOT cache (%s)", cache);
            List<String> training = new ArrayList<>(settings.jvmFlags());
            // the JDK lists every class it cannot cache (proxies, JFR events) as a warning; only errors matter here
            training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot*=error", "-Xlog:cds*=error"));
            try (ParleyProcess trainer = ParleyProcess.start(settings.jar(), allInOne, training, environment)) {
                try { // what a start and the first requests load: sign-up, a bot, a channel
                    Admin.provision(trainer.baseUrl(), "training@example.com");
                } catch (IOException expected) {
                    // the fake LINE's one channel is connected to the first tenant already: its verify is 409, which
                    // is fine here (the requests before it ran, and the cache is written when the JVM exits)
                    ScenarioRun.log("startup: training requests: %s", expected.getMessage().lines().findFirst()
                            .orElse(""));
                }
            }
            boolean cached = Files.isRegularFile(cache);
            if (!cached) {
                ScenarioRun.log("startup: no AOT cache was written; measuring without it only");
            }
            modes.add(measure("all-in-one, no AOT cache", allInOne, withFlags("-XX:AOTMode=off"), environment, runs));
            if (cached) {
                modes.add(measure("all-in-one, AOT cache", allInOne, withFlags("-XX:AOTCache=" + cache), environment,
                        runs));
            }
            Map<String, String> holderEnvironment = new HashMap<>(environment);
            holderEnvironment.put("PARLEY_QUEUE_ENABLED", "false"); // the database's holder does no work itself
            try (ParleyProcess holder = ParleyProcess.start(settings.jar(), allInOne, settings.jvmFlags(),
                    holderEnvironment)) {
                Map<String, String> worker = CrashRun.workerEnvironment(holder, environment);
                Path workerDirectory = directory.resolve("worker");
                modes.add(measure("worker role, no AOT cache", workerDirectory, withFlags("-XX:AOTMode=off"), worker,
                        runs));
                if (cached) {
                    modes.add(measure("worker role, AOT cache", workerDirectory, withFlags("-XX:AOTCache=" + cache),
                            worker, runs));
                }
            }
        }
        String report = report(modes, loadBefore, ProcStats.loadAverage(), Files.isRegularFile(cache)
                ? Files.size(cache) : 0);
        Files.writeString(directory.resolve("startup-report.txt"), report);
        return report;
    }

    private List<String> withFlags(String flag) {
        List<String> flags = new ArrayList<>(settings.jvmFlags());
        flags.add(flag);
        return flags;
    }

    private Mode measure(String label, Path directory, List<String> flags, Map<String, String> environment, int runs)
            throws IOException, InterruptedException {
        List<Start> starts = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long begin = System.nanoTime();
            try (ParleyProcess parley = ParleyProcess.start(settings.jar(), directory, flags, environment)) {
                double wall = (System.nanoTime() - begin) / 1e9;
                double cpu = ProcStats.cpuTicks(parley.pid(), false) / ProcStats.TICKS_PER_SECOND;
                long rss = ProcStats.statusKib(parley.pid(), "VmRSS") / 1024;
                Start start = new Start(readySeconds(directory.resolve("parley.log")), wall, cpu, rss);
                starts.add(start);
                ScenarioRun.log("startup: %s, run %d: ready in %.1f s (JVM uptime), healthy after %.1f s, "
                        + "CPU %.1f s, RSS %d MiB", label, run, start.readySeconds(), wall, cpu, rss);
            }
        }
        return new Mode(label, starts);
    }

    /** The JVM uptime Parley logs when it is ready; NaN when the line is missing. */
    static double readySeconds(Path log) throws IOException {
        Matcher ready = READY.matcher(Files.readString(log));
        return ready.find() ? Double.parseDouble(ready.group(1)) : Double.NaN;
    }

    static String report(List<Mode> modes, double loadBefore, double loadAfter, long cacheBytes) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Start-up with existing data (load average %.1f before, %.1f after; AOT cache %,d "
                + "MiB)%n", loadBefore, loadAfter, cacheBytes / (1024 * 1024)));
        out.append(String.format("| %-26s | %-22s | %-22s | %-22s | %-16s |%n", "start", "ready (JVM uptime) s",
                "healthy (wall) s", "JVM CPU s", "RSS MiB"));
        for (Mode mode : modes) {
            out.append(String.format("| %-26s | %-22s | %-22s | %-22s | %-16s |%n", mode.label(),
                    spread(mode, Start::readySeconds, "%.1f"), spread(mode, Start::wallSeconds, "%.1f"),
                    spread(mode, Start::cpuSeconds, "%.1f"), spread(mode, start -> (double) start.rssMib(), "%.0f")));
        }
        return out.toString();
    }

    /** "median (min–max)" of one figure over a mode's starts. */
    private static String spread(Mode mode, java.util.function.ToDoubleFunction<Start> figure, String format) {
        double[] values = mode.starts().stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return "-";
        }
        double median = values[values.length / 2];
        return values.length == 1 ? String.format(format, median) : String.format(format + " (" + format + "–" + format
                + ")", median, values[0], values[values.length - 1]);
    }
}
