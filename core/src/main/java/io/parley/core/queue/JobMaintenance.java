package io.parley.core.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A worker's periodic upkeep on one virtual thread, each on its own cadence: the process's own heartbeat and the
 * takeover of dead processes' jobs (every {@code process-heartbeat}, {@link ProcessRegistry}), heartbeats for the
 * jobs it runs (every lease/3, so a slow but healthy job is never rescued), rescue of jobs whose lease expired (a
 * crashed worker's that never registered, or one the registry missed), and deletion of finished jobs past their
 * retention. Every worker does all three; rescue and cleaning
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
    private final ProcessRegistry registry;
    private final Runnable declaredDead;
    private volatile boolean running = true;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread thread;

    JobMaintenance(JobStore store, QueueSettings settings, Backoff backoff, String worker,
                   Supplier<Collection<Long>> runningJobs, Wakeup wakeup, ProcessRegistry registry,
                   Runnable declaredDead) {
        this.registry = registry;
        this.declaredDead = declaredDead;
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
        long processAt = System.nanoTime() + settings.processHeartbeat().toNanos();
        long cleanAt = System.nanoTime() + CLEAN_INTERVAL.toNanos();
        while (running) {
            long now = System.nanoTime();
            try {
                if (processAt - now <= 0) {
                    processAt = now + settings.processHeartbeat().toNanos();
                    processHeartbeat();
                }
            } catch (RuntimeException e) {
                LOG.warn("Worker {} could not record its heartbeat ({}); trying again shortly", worker, e.getMessage());
            }
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
            long next = Math.min(Math.min(processAt, heartbeatAt), Math.min(rescueAt, cleanAt)) - System.nanoTime();
            try {
                if (stopped.await(Math.max(next, 1_000_000), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * This process is alive; if another declared it dead meanwhile, it gives up what it held and registers again.
     * Then it takes over the jobs of dead processes — but only when its own previous heartbeat is recent: after a
     * database outage every process's heartbeat is old, and the first one back must not declare the others dead
     * before they had one interval to beat again.
     */
    private void processHeartbeat() {
        ProcessRegistry.Beat beat = registry.heartbeat(worker);
        if (beat.declaredDead()) {
            declaredDead.run();
            return;
        }
        if (beat.sinceLast().compareTo(settings.processHeartbeat().multipliedBy(2)) > 0) {
            return;
        }
        int released;
        do {
            released = registry.takeOver(worker, settings.processTimeout(), RESCUE_BATCH);
            if (released > 0) {
                LOG.warn("Took over {} job(s) of dead worker processes", released);
                wakeup.signal();
            }
        } while (released == RESCUE_BATCH && running);
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
        registry.forget(Duration.ofHours(1));
    }

    /** Lets a statement in flight finish (an interrupt would break its pooled connection), then stops. */
    void stop() throws InterruptedException {
        running = false;
        stopped.countDown();
        if (thread != null) {
            thread.join();
        }
    }
}
