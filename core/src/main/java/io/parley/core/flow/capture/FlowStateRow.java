package io.parley.core.flow.capture;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation's flow state ({@code conversation_flow_state}): the ask step waiting for an answer, if any
 * ({@code flowId}, {@code stepIndex}, answers so far in {@code attempts}, until {@code expiresAt}), and the JSON
 * text of the conversation's captured {@code variables}.
 */
@MappedEntity("conversation_flow_state")
public record FlowStateRow(UUID tenantId, @Id UUID conversationId, @Nullable UUID flowId, @Nullable Integer stepIndex,
                           int attempts, @Nullable Instant expiresAt, String variables, Instant updatedAt) {

    /** Whether an ask step waits at {@code now}. */
    public boolean waiting(Instant now) {
        return flowId != null && stepIndex != null && expiresAt != null && expiresAt.isAfter(now);
    }
}
