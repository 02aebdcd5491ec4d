package io.parley.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Durations in nanoseconds, recorded from many threads into a fixed array (no locks, no boxing) and read once at the
 * end. Recording beyond the capacity is counted, not stored.
 */
final class Latencies {

    private final long[] values;
    private final AtomicInteger next = new AtomicInteger();

    Latencies(int capacity) {
        values = new long[capacity];
    }

    void record(long nanos) {
        int index = next.getAndIncrement();
        if (index < values.length) {
            values[index] = nanos;
        }
    }

    int count() {
        return Math.min(next.get(), values.length);
    }

    /** The value at quantile {@code q} (0..1) by nearest rank, in milliseconds; NaN when nothing was recorded. */
    static double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e6;
    }

    /** A sorted copy of what was recorded (call after every recording thread finished). */
    long[] sorted() {
        long[] copy = Arrays.copyOf(values, count());
        Arrays.sort(copy);
        return copy;
    }

    /** p50 and p99 in milliseconds. */
    Summary summary() {
        long[] sorted = sorted();
        return new Summary(sorted.length, millis(sorted, 0.50), millis(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    record Summary(int count, double p50, double p99, double max) {
    }
}
