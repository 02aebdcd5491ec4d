package io.parley.core.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * A worker's periodic upkeep on one virtual thread, each on its own cadence: heartbeats for the jobs it runs
 * (every lease/3, so a slow but healthy job is never rescued), rescue of jobs whose lease expired (a crashed
 * worker's), and deletion of finished jobs past their retention. Every worker does all three; rescue and cleaning
 * skip rows another worker has locked, so they never collide.
 */
final class JobMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaintenance.class);
    private static final int RESCUE_BATCH = 100;
    private static final int CLEAN_BATCH = 5000;
    private static final Duration CLEAN_INTERVAL = Duration.ofMinutes(1);

    private final JobStore store;
    private final QueueSettings settings;
    private final Backoff backoff;
    private final String worker;
    private final Supplier<Collection<Long>> runningJobs;
    private final Wakeup wakeup;
    private volatile boolean running = true;
    private Thread thread;

    JobMaintenance(JobStore store, QueueSettings settings, Backoff backoff, String worker,
                   Supplier<Collection<Long>> runningJobs, Wakeup wakeup) {
        this.store = store;
        this.settings = settings;
        this.backoff = backoff;
        this.worker = worker;
        this.runningJobs = runningJobs;
        this.wakeup = wakeup;
    }

    void start(String name) {
        thread = Thread.ofVirtual().name(name).start(this::run);
    }

    private void run() {
        long heartbeatAt = System.nanoTime() + settings.heartbeatInterval().toNanos();
        long rescueAt = System.nanoTime();
        long cleanAt = System.nanoTime() + CLEAN_INTERVAL.toNanos();
        while (running) {
            long now = System.nanoTime();
            try {
                if (heartbeatAt - now <= 0) {
                    heartbeatAt = now + settings.heartbeatInterval().toNanos();
                    heartbeat();
                }
                if (rescueAt - now <= 0) {
                    rescueAt = now + settings.rescueInterval().toNanos();
                    rescue();
                }
                if (cleanAt - now <= 0) {
                    cleanAt = now + CLEAN_INTERVAL.toNanos();
                    clean();
                }
            } catch (RuntimeException e) {
                LOG.warn("Job queue maintenance failed ({}); trying again shortly", e.getMessage());
            }
            long next = Math.min(heartbeatAt, Math.min(rescueAt, cleanAt)) - System.nanoTime();
            try {
                Thread.sleep(Duration.ofNanos(Math.max(next, 1_000_000)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void heartbeat() {
        Collection<Long> ids = runningJobs.get();
        if (!ids.isEmpty()) {
            store.heartbeat(worker, ids, settings.lease());
        }
    }

    private void rescue() {
        int rescued;
        do {
            rescued = store.rescue(RESCUE_BATCH, backoff);
            if (rescued > 0) {
                LOG.warn("Rescued {} job(s) whose worker stopped heartbeating", rescued);
                wakeup.signal();
            }
        } while (rescued == RESCUE_BATCH && running);
    }

    private void clean() {
        int deleted;
        do {
            deleted = store.clean(settings.completedRetention(), settings.discardedRetention(), CLEAN_BATCH);
        } while (deleted >= CLEAN_BATCH && running);
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join();
        }
    }
}
