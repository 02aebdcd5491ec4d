package io.parley.worker.outbound.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * The payload of {@code NOTIFY parley_webchat}: a message for a web chat session was sent. Ids only (NOTIFY allows
 * 8000 bytes); the stream hub loads the message in the tenant's scope.
 */
@Serdeable
public record WebChatNotice(UUID tenantId, UUID channelId, String sessionId, UUID messageId) {

    public static final String CHANNEL = "parley_webchat";
}
