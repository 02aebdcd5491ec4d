package io.parley.core.segment;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A saved audience; {@code definition} is the JSON text of a {@link SegmentDefinition}. */
@MappedEntity("segments")
public record SegmentRow(UUID tenantId, @Id UUID id, String name, String definition, Instant createdAt,
                         Instant updatedAt) {
}
