package io.parley.core.memory;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A bot's memory fields as stored: {@code fields} is the JSON text of the list. */
@MappedEntity("bot_memory_fields")
public record MemoryFieldsRow(UUID tenantId, @Id UUID botId, String fields, String updateMode, Instant updatedAt) {
}
