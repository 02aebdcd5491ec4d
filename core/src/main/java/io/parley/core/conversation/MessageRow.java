package io.parley.core.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in a conversation. {@code payload} is JSON (buttons, image url, sticker ids, …).
 * Outbound status moves forward only: queued → sent → delivered → read, or failed.
 */
@MappedEntity("messages")
public record MessageRow(UUID tenantId, @Id UUID id, UUID conversationId, String direction, String sender,
                         @Nullable UUID agentUserId, String type, @Nullable String text, String payload,
                         @Nullable String providerMessageId, String status, @Nullable String statusDetail,
                         Instant createdAt, Instant updatedAt) {
}
