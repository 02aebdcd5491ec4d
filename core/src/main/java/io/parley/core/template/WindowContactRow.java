package io.parley.core.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * What a 24-hour fallback template needs to know of the contact a WhatsApp message goes to: the fields its variables
 * may name, the bot's name, and when the contact last wrote in the conversation (the window's start). A query
 * result, not a table.
 */
@MappedEntity("window_contacts")
public record WindowContactRow(@Id UUID contactId, @Nullable String displayName, String tier, String attributes,
                               String botName, @Nullable Instant lastInboundAt) {
}
