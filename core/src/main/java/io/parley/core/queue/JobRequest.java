package io.parley.core.queue;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.observability.TraceParent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job to enqueue. Jobs take ids, not data (HOUSE-STYLE 5): {@code argsJson} is a small JSON object of ids.
 *
 * @param uniqueKey  a second enqueue with the same key (per tenant) is a no-op, e.g. "line:<webhookEventId>"
 * @param serialKey  jobs with the same key run one at a time in enqueue order, e.g. "conv:<channel>:<user>"
 * @param delay      due this long after the enqueue, by the database's clock (added to {@code scheduledAt}, or
 *                   to the transaction's {@code now()})
 * @param traceParent the trace the job continues (W3C traceparent), captured where the request is made — on the
 *                   webhook's or the turn's thread, not a batch writer's (docs/operations/observability.md)
 * @param replyTokenAt when the LINE reply token this job answers with was issued (the webhook's timestamp): while
 *                   its window is open the claim takes the job's conversation first, earliest first
 *                   (docs/architecture/queue.md, "Reply deadlines"); null for jobs that answer no webhook
 */
public record JobRequest(String kind, String argsJson, @Nullable String uniqueKey, @Nullable String serialKey,
                         int priority, int maxAttempts, @Nullable Instant scheduledAt, @Nullable Duration delay,
                         @Nullable String traceParent, @Nullable Instant replyTokenAt) {

    public JobRequest(String kind, String argsJson, @Nullable String uniqueKey, @Nullable String serialKey,
                      int priority, int maxAttempts, @Nullable Instant scheduledAt, @Nullable Duration delay,
                      @Nullable String traceParent) {
        this(kind, argsJson, uniqueKey, serialKey, priority, maxAttempts, scheduledAt, delay, traceParent, null);
    }

    /** A request continuing the current trace, if any. */
    public JobRequest(String kind, String argsJson, @Nullable String uniqueKey, @Nullable String serialKey,
                      int priority, int maxAttempts, @Nullable Instant scheduledAt, @Nullable Duration delay) {
        this(kind, argsJson, uniqueKey, serialKey, priority, maxAttempts, scheduledAt, delay, TraceParent.current(),
                null);
    }

    public JobRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(argsJson, "argsJson");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static JobRequest of(String kind, String argsJson) {
        return new JobRequest(kind, argsJson, null, null, 0, 10, null, null);
    }

    public JobRequest unique(String key) {
        return new JobRequest(kind, argsJson, key, serialKey, priority, maxAttempts, scheduledAt, delay, traceParent,
                replyTokenAt);
    }

    public JobRequest serial(String key) {
        return new JobRequest(kind, argsJson, uniqueKey, key, priority, maxAttempts, scheduledAt, delay, traceParent,
                replyTokenAt);
    }

    public JobRequest maxAttempts(int attempts) {
        return new JobRequest(kind, argsJson, uniqueKey, serialKey, priority, attempts, scheduledAt, delay, traceParent,
                replyTokenAt);
    }

    public JobRequest at(Instant when) {
        return new JobRequest(kind, argsJson, uniqueKey, serialKey, priority, maxAttempts, when, delay, traceParent,
                replyTokenAt);
    }

    /** Due {@code after} from now, by the database's clock (not this host's, which may be skewed). */
    public JobRequest after(Duration after) {
        return new JobRequest(kind, argsJson, uniqueKey, serialKey, priority, maxAttempts, scheduledAt, after, traceParent,
                replyTokenAt);
    }

    /**
     * Answers with a LINE reply token issued at {@code issuedAt} (the webhook's timestamp); null = none. While the
     * token's window is open, the queue claims this job's conversation before jobs whose window closed.
     */
    public JobRequest replyToken(@Nullable Instant issuedAt) {
        return new JobRequest(kind, argsJson, uniqueKey, serialKey, priority, maxAttempts, scheduledAt, delay,
                traceParent, issuedAt);
    }
}
