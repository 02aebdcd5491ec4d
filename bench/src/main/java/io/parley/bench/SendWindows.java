package io.parley.bench;

import java.util.Arrays;

/**
 * The pace a fake provider saw, from the arrival times of its requests (nanoseconds): the most requests in any
 * one-second window (sliding: a window starts at every arrival, half-open {@code [t, t + 1 s)}), and the counts per
 * whole second from the first arrival (max and mean of the full seconds, the last, partial one left out).
 */
record SendWindows(long count, long maxSliding, long maxPerSecond, double meanPerSecond, double seconds) {

    private static final long SECOND = 1_000_000_000L;

    static SendWindows of(long[] arrivals, int count) {
        if (count == 0) {
            return new SendWindows(0, 0, 0, 0, 0);
        }
        long[] times = Arrays.copyOf(arrivals, count);
        Arrays.sort(times);
        long maxSliding = 0;
        int end = 0;
        for (int start = 0; start < count; start++) {
            while (end < count && times[end] - times[start] < SECOND) {
                end++;
            }
            maxSliding = Math.max(maxSliding, end - start);
        }
        long first = times[0];
        int fullSeconds = (int) ((times[count - 1] - first) / SECOND);
        long[] perSecond = new long[fullSeconds + 1];
        for (long time : times) {
            perSecond[(int) ((time - first) / SECOND)]++;
        }
        long maxPerSecond = 0;
        long inFullSeconds = 0;
        for (int s = 0; s < fullSeconds; s++) {
            maxPerSecond = Math.max(maxPerSecond, perSecond[s]);
            inFullSeconds += perSecond[s];
        }
        double mean = fullSeconds == 0 ? count : inFullSeconds / (double) fullSeconds;
        return new SendWindows(count, maxSliding, fullSeconds == 0 ? count : maxPerSecond, mean,
                (times[count - 1] - first) / 1e9);
    }

    /** Sends per second from the first arrival to the last. */
    double sustained() {
        return seconds == 0 ? count : (count - 1) / seconds;
    }
}
