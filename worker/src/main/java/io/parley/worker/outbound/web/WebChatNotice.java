package io.parley.worker.outbound.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * The payload of {@code NOTIFY parley_webchat}. Without {@code kind}: a message for a web chat session was sent (ids
 * only, the stream hub loads it in the tenant's scope). With a {@code kind} it is a live hint that is never stored
 * ({@link WebChatLive}): {@code composing} (the bot started on a reply to {@code replyTo}), {@code idle} (it stopped
 * without one) or {@code delta} ({@code text} of the reply being written, at UTF-16 {@code offset} of it). NOTIFY
 * allows 8000 bytes: a delta's text is kept to {@link WebChatLive#MAX_DELTA_CHARS}.
 */
@Serdeable
public record WebChatNotice(UUID tenantId, UUID channelId, String sessionId, @Nullable UUID messageId,
                            @Nullable String kind, @Nullable String replyTo, @Nullable Integer offset,
                            @Nullable String text) {

    public static final String CHANNEL = "parley_webchat";
    public static final String COMPOSING = "composing";
    public static final String IDLE = "idle";
    public static final String DELTA = "delta";

    /** A sent message. */
    public WebChatNotice(UUID tenantId, UUID channelId, String sessionId, UUID messageId) {
        this(tenantId, channelId, sessionId, messageId, null, null, null, null);
    }
}
