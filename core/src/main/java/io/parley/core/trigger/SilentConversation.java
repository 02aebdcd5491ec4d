package io.parley.core.trigger;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/** A conversation in an inactivity spell that an inactive flow has not answered yet. */
@Introspected
public record SilentConversation(UUID contactId, UUID channelId, String externalUserId, String occurrence) {
}
