package io.parley.core.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One contact's conversation on one channel. {@code botPaused} = a human has taken over; {@code status} open,
 * waiting (a person must answer) or resolved; {@code handoffSource} who or what paused the bot (V175).
 */
@MappedEntity("conversations")
public record ConversationRow(UUID tenantId, @Id UUID id, UUID botId, UUID channelId, UUID contactId, String status,
                              boolean botPaused, @Nullable UUID takenOverBy, @Nullable Instant takenOverAt,
                              int unreadCount, @Nullable Instant lastMessageAt, @Nullable Instant lastInboundAt,
                              @Nullable Instant limitNoticeUntil, Instant createdAt, Instant updatedAt,
                              @Nullable UUID assigneeId, @Nullable String handoffSource, @Nullable Instant resolvedAt,
                              @Nullable UUID teamId) {
}
