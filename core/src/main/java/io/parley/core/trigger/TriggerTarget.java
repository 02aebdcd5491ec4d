package io.parley.core.trigger;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/** Where a proactive message to a contact goes: one of the contact's identities on the bot's channels. */
@Introspected
public record TriggerTarget(UUID channelId, String externalUserId) {
}
