package io.parley.core.queue;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells the claiming loop that claimable work may exist: a NOTIFY arrived, a job finished (a slot is free and its
 * serial successor may now be claimable), or a retry we scheduled falls due. Signals arriving while the loop is
 * busy fold into one, so a burst of NOTIFYs costs one claim, not one each.
 */
final class Wakeup {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;
    /** System.nanoTime() values of scheduled wake-ups, earliest first. */
    private final PriorityQueue<Long> due = new PriorityQueue<>((a, b) -> Long.compare(a - b, 0));

    void signal() {
        lock.lock();
        try {
            pending = true;
            signalled.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Wake up after {@code delay}, e.g. when a job we just failed becomes due again. */
    void signalAfter(Duration delay) {
        long at = System.nanoTime() + delay.toNanos();
        lock.lock();
        try {
            due.add(at);
            signalled.signal(); // re-evaluate the wait with a possibly earlier deadline
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a signal, a scheduled wake-up, or at most {@code max}; then clears what it consumed. */
    void await(Duration max) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + max.toNanos();
            while (!pending) {
                long now = System.nanoTime();
                long until = due.isEmpty() ? deadline - now : Math.min(deadline - now, due.peek() - now);
                if (until <= 0) {
                    break;
                }
                signalled.await(until, TimeUnit.NANOSECONDS);
            }
            pending = false;
            long now = System.nanoTime();
            while (!due.isEmpty() && due.peek() - now <= 0) {
                due.poll();
            }
        } finally {
            lock.unlock();
        }
    }
}
