package io.parley.core.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One change of a memory value; old and new values are JSON text (null: no value, the default applied). */
@MappedEntity("memory_history")
public record MemoryHistoryRow(UUID tenantId, @Id UUID id, UUID botId, String field, UUID contactId,
                               @Nullable UUID conversationId, @Nullable String oldValue, @Nullable String newValue,
                               String source, @Nullable UUID actorId, @Nullable UUID turnId, Instant changedAt) {
}
