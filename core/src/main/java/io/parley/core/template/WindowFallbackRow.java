package io.parley.core.template;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * The template a WhatsApp channel sends outside the 24-hour window instead of a free-form message.
 * {@code bodyVariables} is the JSON text of an array of strings, one per {@code {{n}}} of the template's body, each
 * with placeholders ({@link WindowVariables}).
 */
@MappedEntity("whatsapp_window_fallbacks")
public record WindowFallbackRow(UUID tenantId, @Id UUID channelId, String templateName, String language,
                                String bodyVariables, Instant updatedAt) {
}
