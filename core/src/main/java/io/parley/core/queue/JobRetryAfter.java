package io.parley.core.queue;

import java.time.Duration;

/** Retry the job after {@code delay} (e.g. a provider's Retry-After), counting an attempt. */
public final class JobRetryAfter extends RuntimeException {

    private final Duration delay;

    public JobRetryAfter(Duration delay, String reason) {
        super(reason, null, false, false);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
