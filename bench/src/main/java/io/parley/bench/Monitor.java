package io.parley.bench;

import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches one measured window from a platform thread (PostgreSQL's activity every 200 ms, jobs every 5 s, the rest
 * every second): where the machine's CPU went (Parley's JVM,
 * its PostgreSQL, this driver, everything else — the machine is shared), the load average, jobs running and waiting,
 * turns waiting on the LLM, what PostgreSQL's connections wait on, and commits.
 */
final class Monitor implements AutoCloseable {

    private final ParleyProcess parley;
    private final Database database;
    private final FakeLlm llm;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long started = System.nanoTime();
    private final long parleyTicks;
    private final long databaseTicks;
    private final long driverTicks;
    private final long[] machineTicks;
    private final long commits;
    private final long postmaster;
    private final Map<String, Long> activity = new TreeMap<>();
    private final Map<String, Long> statements = new TreeMap<>();
    volatile double maxLoad;
    volatile long maxJobsRunning;
    volatile long maxJobsWaiting;
    volatile int maxLlmInFlight;

    Monitor(ParleyProcess parley, Database database, FakeLlm llm) throws SQLException {
        this.parley = parley;
        this.database = database;
        this.llm = llm;
        this.postmaster = parley.postmasterPid().orElse(-1);
        this.parleyTicks = ProcStats.cpuTicks(parley.pid(), false);
        this.databaseTicks = ProcStats.treeTicks(postmaster);
        this.driverTicks = ProcStats.cpuTicks(ProcessHandle.current().pid(), false);
        this.machineTicks = ProcStats.machineTicks();
        this.commits = database.commits();
        llm.takePeak();
        this.thread = Thread.ofPlatform().daemon().name("bench-monitor").start(this::watch);
    }

    private void watch() {
        for (long tick = 1; running.get(); tick++) {
            try {
                Thread.sleep(200);
                database.sampleActivity(activity, statements);
                if (tick % 5 == 0) {
                    maxLoad = Math.max(maxLoad, ProcStats.loadAverage());
                    maxLlmInFlight = Math.max(maxLlmInFlight, llm.takePeak());
                }
                if (tick % 25 == 0) { // counting a few hundred thousand waiting jobs costs PostgreSQL ~0.1 s
                    long[] jobs = database.jobs();
                    maxJobsRunning = Math.max(maxJobsRunning, jobs[0]);
                    maxJobsWaiting = Math.max(maxJobsWaiting, jobs[1]);
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                activity.merge("monitor error: " + e.getMessage(), 1L, Long::sum);
            }
        }
    }

    /** What the window cost: CPU seconds per party, commits, and the figures watched. */
    record Usage(double seconds, double parleyCpu, double databaseCpu, double driverCpu, double otherCpu,
                 double machineBusy, long commits, long peakRssKib, double load, double maxLoad, long maxJobsRunning,
                 long maxJobsWaiting, int maxLlmInFlight, Map<String, Long> activity, Map<String, Long> statements) {
    }

    Usage finish() throws SQLException {
        running.set(false);
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double parleyCpu = (ProcStats.cpuTicks(parley.pid(), false) - parleyTicks) / ProcStats.TICKS_PER_SECOND;
        double databaseCpu = (ProcStats.treeTicks(postmaster) - databaseTicks) / ProcStats.TICKS_PER_SECOND;
        double driverCpu = (ProcStats.cpuTicks(ProcessHandle.current().pid(), false) - driverTicks)
                / ProcStats.TICKS_PER_SECOND;
        long[] machine = ProcStats.machineTicks();
        double busy = (machine[0] - machineTicks[0]) / ProcStats.TICKS_PER_SECOND;
        double other = Math.max(0, busy - parleyCpu - databaseCpu - driverCpu);
        maxLlmInFlight = Math.max(maxLlmInFlight, llm.takePeak());
        return new Usage(seconds, parleyCpu, databaseCpu, driverCpu, other, busy, database.commits() - commits,
                ProcStats.statusKib(parley.pid(), "VmHWM"), ProcStats.loadAverage(), maxLoad, maxJobsRunning,
                maxJobsWaiting, maxLlmInFlight, Map.copyOf(activity), Map.copyOf(statements));
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
