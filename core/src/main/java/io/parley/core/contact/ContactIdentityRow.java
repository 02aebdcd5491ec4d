package io.parley.core.contact;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact as one channel knows it: the provider's user id (LINE userId, WhatsApp wa_id, Telegram user id, web
 * session id) and the provider's profile JSON. {@code channelType} is read from the channel (line, whatsapp,
 * telegram, web).
 */
@MappedEntity("contact_identities")
public record ContactIdentityRow(UUID tenantId, @Id UUID id, UUID contactId, UUID channelId, String channelType,
                                 String externalUserId, String profile, boolean following, Instant createdAt) {

    @Override
    public String toString() {
        return "ContactIdentityRow[" + id + ", " + channelType + "]";
    }
}
