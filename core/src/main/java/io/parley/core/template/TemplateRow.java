package io.parley.core.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A WhatsApp message template of the WhatsApp Business Account behind a channel, as last synced from Meta or
 * submitted through Parley. {@code components} is the JSON text of Meta's components array; {@code metaId} is Meta's
 * template id; {@code status} is Meta's (APPROVED, PENDING, REJECTED, PAUSED, DISABLED, …), kept as Meta spells it.
 */
@MappedEntity("whatsapp_templates")
public record TemplateRow(UUID tenantId, @Id UUID id, UUID channelId, @Nullable String metaId, String name,
                          String language, String category, String status, @Nullable String rejectionReason,
                          String components, @Nullable Instant syncedAt, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "TemplateRow[" + id + ", " + name + "/" + language + ", " + status + "]";
    }
}
