package io.parley.core.observability;

import java.time.Duration;

/**
 * Histogram buckets of Parley's timers: few, chosen for what each measures, so that {@code histogram_quantile} works
 * without a bucket series per default percentile step (Micrometer's defaults give ~70 per labelled timer).
 */
public final class Buckets {

    /** A job attempt: a send takes tens of milliseconds, a turn with an LLM seconds. */
    public static final Duration[] JOB = seconds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);

    /** A call to a provider (LLM, messaging API). */
    public static final Duration[] PROVIDER = seconds(0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30);

    private Buckets() {
    }

    private static Duration[] seconds(double... values) {
        Duration[] buckets = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            buckets[i] = Duration.ofNanos((long) (values[i] * 1_000_000_000L));
        }
        return buckets;
    }
}
