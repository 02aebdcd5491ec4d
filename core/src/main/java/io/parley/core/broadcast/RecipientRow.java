package io.parley.core.broadcast;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One planned recipient of a broadcast ({@code broadcast_recipients}). */
public record RecipientRow(long id, UUID contactId, UUID channelId, String externalUserId, @Nullable String contentJson,
                           String status, @Nullable String reason, @Nullable UUID batchKey, int attempts,
                           @Nullable String providerMessageId, @Nullable Instant sentAt, Instant updatedAt) {
}
