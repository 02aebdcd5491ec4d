package io.parley.core.queue;

import java.time.Duration;

/**
 * Watches the job runner for the operator: metrics, traces and the log's context (docs/operations/observability.md).
 * Every bean of this type is told about each claim and each attempt by {@code JobWorker}; none may change what
 * happens to a job, and none may throw from {@link #claimed} or {@link #finished}.
 */
public interface JobObserver {

    /** How an attempt ended, as the runner recorded it. */
    enum Outcome {
        /** The handler returned: the job is completed. */
        COMPLETED,
        /** It threw and will run again (after a backoff or the delay it asked for). */
        RETRIED,
        /** It threw {@link JobDiscard} or used its last attempt: the job is discarded. */
        DISCARDED,
        /** Its result was not recorded: shutdown handed it back, or another worker took it over. */
        RELEASED
    }

    /** One attempt's body, run inside {@link #around}. */
    interface Attempt {
        void run() throws Exception;
    }

    /** {@code count} jobs of {@code kind} were claimed by this process. */
    default void claimed(String kind, int count) {
    }

    /**
     * Runs one attempt of {@code job}'s handler inside whatever context this observer keeps around it (a trace span,
     * the log's MDC). Must call {@code attempt} exactly once, on this thread, and let what it throws through.
     */
    default void around(Job job, Attempt attempt) throws Exception {
        attempt.run();
    }

    /** The attempt ended: how, and how long the handler ran. */
    default void finished(Job job, Outcome outcome, Duration took) {
    }
}
