package io.parley.core.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One event from a contact, channel-neutral: the webhook mapper of each channel turns a provider payload (LINE
 * event, WhatsApp message or status, Telegram update, web chat message) into this, and nothing after the ingress
 * branches on the channel's payload format. Stored as the {@code inbound_events.payload} JSON.
 *
 * @param providerEventId the dedupe key: LINE webhookEventId, WhatsApp wamid (or wamid:status), Telegram update_id,
 *                        web chat client message id
 * @param externalUserId  LINE userId, WhatsApp wa_id, Telegram user id, web session id
 * @param replyToken      LINE only: valid about one minute after {@code occurredAt}
 * @param statusUpdate    for delivery statuses (WhatsApp sent/delivered/read/failed): the status and error
 */
@Serdeable
public record InboundEvent(
        UUID channelId,
        String providerEventId,
        Type type,
        @Nullable String externalUserId,
        @Nullable String displayName,
        @Nullable String text,
        @Nullable String postbackData,
        @Nullable String mediaId,
        @Nullable String providerMessageId,
        @Nullable String replyToken,
        @Nullable StatusUpdate statusUpdate,
        boolean directChat,
        Instant occurredAt,
        @Nullable Map<String, String> attributes) {

    /** What happened. UNKNOWN events are stored and acknowledged, and answered politely or ignored. */
    public enum Type {
        TEXT, IMAGE, STICKER, AUDIO, VIDEO, FILE, LOCATION, POSTBACK, FOLLOW, UNFOLLOW, STATUS, UNKNOWN
    }

    /** A provider's delivery status for a message Parley sent. */
    @Serdeable
    public record StatusUpdate(String providerMessageId, String status, @Nullable String errorCode,
                               @Nullable String errorTitle, @Nullable String callbackData) {

        @io.micronaut.core.annotation.Creator
        public StatusUpdate {
        }

        public StatusUpdate(String providerMessageId, String status, @Nullable String errorCode,
                            @Nullable String errorTitle) {
            this(providerMessageId, status, errorCode, errorTitle, null);
        }
    }

    /** The job serial key: one contact's events on one channel are handled one at a time, in order. */
    public String conversationKey() {
        return conversationKey(channelId, externalUserId == null ? providerEventId : externalUserId);
    }

    /**
     * The same key for work that does not start from an inbound event (an agent's reply from the dashboard), so
     * it is ordered with the bot's replies to that contact.
     */
    public static String conversationKey(UUID channelId, String externalUserId) {
        return "conv:" + channelId + ":" + externalUserId;
    }

    /**
     * The serial key of the conversation's outbound sends and of the delivery statuses they cause: sends leave in
     * order, one at a time, but never wait behind the conversation's turns (on {@link #conversationKey()}), which
     * under a backlog would make replies miss LINE's reply-token window. A turn enqueues its send before it
     * finishes, so the next turn's send always comes later on this key.
     */
    public String sendKey() {
        return sendKey(channelId, externalUserId == null ? providerEventId : externalUserId);
    }

    public static String sendKey(UUID channelId, String externalUserId) {
        return conversationKey(channelId, externalUserId) + ":out";
    }
}
