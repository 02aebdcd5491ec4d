package io.parley.core.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One stored value: per contact ({@code conversationId} null) or per conversation; {@code value} is JSON text. */
@MappedEntity("memory_values")
public record MemoryValueRow(UUID tenantId, UUID botId, String field, @Id UUID subjectId, UUID contactId,
                             @Nullable UUID conversationId, String value, Instant updatedAt) {
}
