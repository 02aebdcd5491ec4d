package io.parley.core.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A bot's connection to a messaging app. {@code credentialsSealed} is one SecretBox-sealed JSON document with every
 * credential of the channel (never returned); {@code credentialHints} is JSON that says, per secret field, only
 * whether it is set and its last 4 characters. {@code externalId} is the provider's id of the account (LINE bot user
 * id, WhatsApp phone number id, Telegram bot id), unique per type across tenants. {@code testOnly} marks the hidden
 * web chat channel the dashboard's test chat uses (one per bot at most). {@code webSettings} is the JSON document of a
 * web chat channel's {@link WebChannelSettings} ({@code {}} for other types).
 */
@MappedEntity("channels")
public record ChannelRow(UUID tenantId, @Id UUID id, UUID botId, String type, @Nullable String name,
                         @Nullable String externalId, @Nullable String credentialsSealed, String credentialHints,
                         @Nullable String widgetKey, String health, @Nullable String healthDetail,
                         @Nullable Instant verifiedAt, Instant createdAt, Instant updatedAt, boolean testOnly, String webSettings) {

    public ChannelType channelType() {
        return ChannelType.fromWire(type).orElseThrow(() -> new IllegalStateException("unknown channel type " + type));
    }

    @Override
    public String toString() {
        return "ChannelRow[" + id + ", " + type + "]";
    }
}
