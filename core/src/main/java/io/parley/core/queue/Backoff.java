package io.parley.core.queue;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Retry delays after a failed attempt, River's default policy with a cap: {@code min(unit × attempt⁴, max)}, then
 * ±10 % jitter so jobs that failed together (a provider outage) do not return together. With the default unit of
 * one second: 1 s, 16 s, 81 s, 4 min 16 s, 10 min 25 s, 21 min 36 s, 40 min 1 s, then the one-hour cap.
 * (River: retry_policy.go, DefaultClientRetryPolicy.)
 */
final class Backoff {

    private final Duration unit;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration unit, Duration max, DoubleSupplier random) {
        this.unit = unit;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt, after attempt number {@code attempt} (1 = the first) failed. */
    Duration after(int attempt) {
        double n = Math.max(1, attempt);
        double base = Math.min(unit.toNanos() * n * n * n * n, (double) max.toNanos());
        double jitter = 0.9 + 0.2 * random.getAsDouble();
        return Duration.ofNanos((long) (base * jitter));
    }
}
