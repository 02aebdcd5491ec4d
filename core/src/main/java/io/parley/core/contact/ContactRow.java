package io.parley.core.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * An end user of a tenant's bots (on LINE, WhatsApp, Telegram or the web widget). {@code attributes} is the JSON
 * text of the jsonb column (an object of strings, numbers, booleans or lists of them); {@code personaOverride},
 * when set, replaces the bot's persona for this contact.
 */
@MappedEntity("contacts")
public record ContactRow(UUID tenantId, @Id UUID id, @Nullable String displayName, String attributes, String tier,
                         boolean blocked, @Nullable String personaOverride, Instant createdAt, Instant updatedAt,
                         @Nullable Instant lastSeenAt, String tags) {

    @Override
    public String toString() {
        return "ContactRow[" + id + "]";
    }
}
