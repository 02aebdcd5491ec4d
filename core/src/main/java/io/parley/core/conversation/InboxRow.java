package io.parley.core.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as the inbox shows it: with its bot, channel and contact, and a preview of its last message
 * ({@code lastMessageText} is cut to 200 characters; {@code lastMessageTruncated}
 * tells whether it was). {@code activityAt} is the list's sort key: the last message's time, or the creation time.
 */
@MappedEntity("conversations")
public record InboxRow(UUID tenantId, @Id UUID id, UUID botId, String botName, UUID channelId, String channelType,
                       @Nullable String channelName, UUID contactId, @Nullable String contactDisplayName,
                       String contactTier, String status, boolean botPaused, @Nullable UUID takenOverBy,
                       @Nullable Instant takenOverAt, int unreadCount, @Nullable Instant lastMessageAt,
                       @Nullable Instant lastInboundAt, Instant activityAt, Instant createdAt,
                       @Nullable UUID lastMessageId, @Nullable String lastMessageDirection,
                       @Nullable String lastMessageSender, @Nullable String lastMessageType,
                       @Nullable String lastMessageText, @Nullable Boolean lastMessageTruncated,
                       @Nullable UUID assigneeId, @Nullable String handoffSource, @Nullable Instant resolvedAt,
                       @Nullable String lastMessageStatus, @Nullable UUID teamId) {

    @Override
    public String toString() {
        return "InboxRow[" + id + "]";
    }
}
