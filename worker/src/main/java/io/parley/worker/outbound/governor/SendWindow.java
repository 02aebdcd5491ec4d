package io.parley.worker.outbound.governor;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * This process's own sends on one scope in any sliding window (on WhatsApp used with a limit of one send per 1/rate:
 * a minimum spacing, {@link SendPacing#window}): at most {@code limit} in any {@code window}, counted at
 * the instants requests are about to leave (after any lateness), so a sender that fell behind its governor slots
 * (descheduled, a slow request) catches up without ever putting more than the limit in one window. The governor's slots
 * ({@link io.parley.core.ratelimit.SendGovernor#reserve}) share the rate between processes; this keeps the instants
 * actually sent exact within the process, where a late thread would otherwise bunch with punctual ones. A ring of the
 * last {@code limit} instants: a send may leave when the one {@code limit} sends before it left a window ago.
 * Written by hand because no rate limiter we have (Bucket4j, Resilience4j) is a sliding log of actual send instants.
 */
final class SendWindow {

    private final long[] ring;
    private final long windowNanos;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final int rate;
    private int next;

    SendWindow(int limit, long windowNanos, LongSupplier clock) {
        this(limit, windowNanos, clock, limit);
    }

    /** {@code rate}: the per-second rate this window stands for (what {@link #limit()} answers). */
    SendWindow(int limit, long windowNanos, LongSupplier clock, int rate) {
        this.rate = rate;
        this.ring = new long[limit];
        this.windowNanos = windowNanos;
        this.clock = clock;
        long past = clock.getAsLong() - windowNanos;
        java.util.Arrays.fill(ring, past);
    }

    int limit() {
        return rate;
    }

    /**
     * Records a send now when the window allows it and returns 0; otherwise records nothing and returns how many
     * nanoseconds to wait before asking again.
     */
    long tryAdmit() {
        lock.lock();
        try {
            long now = clock.getAsLong();
            long free = ring[next] + windowNanos - now;
            if (free > 0) {
                return free;
            }
            ring[next] = now;
            next = (next + 1) % ring.length;
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until a send may leave, and records it. */
    void admit() throws InterruptedException {
        for (long wait = tryAdmit(); wait > 0; wait = tryAdmit()) {
            Thread.sleep(java.time.Duration.ofNanos(wait));
        }
    }
}
