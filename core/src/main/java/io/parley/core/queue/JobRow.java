package io.parley.core.queue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A job as a tenant's admin sees it; {@code args} and {@code errors} are the JSON text of their jsonb columns. */
@MappedEntity("jobs")
public record JobRow(@Id long id, UUID tenantId, String kind, String args, String state, int priority, int attempt,
                     int maxAttempts, Instant scheduledAt, @Nullable Instant attemptedAt,
                     @Nullable Instant finalizedAt, String errors, Instant createdAt) {

    public static final String DISCARDED = "discarded";
    public static final String CANCELLED = "cancelled";

    /** Every state, in the order a job usually moves through them. */
    public static final List<String> STATES = List.of("available", "running", "retryable", "completed", DISCARDED, CANCELLED);

    public boolean canBeRetried() {
        return DISCARDED.equals(state) || CANCELLED.equals(state);
    }
}
