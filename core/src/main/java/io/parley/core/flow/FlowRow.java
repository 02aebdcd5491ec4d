package io.parley.core.flow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A flow as stored: {@code trigger} is the JSON of a {@link Trigger} record without its type (that is
 * {@code triggerType}), {@code steps} a JSON array of {@link Step}s tagged by "type", {@code condition} the JSON of
 * a {@link io.parley.core.flow.condition.Condition} or null. {@link FlowCodec} reads them.
 */
@MappedEntity("flows")
public record FlowRow(UUID tenantId, @Id UUID id, UUID botId, String name, boolean enabled, int priority,
                      String triggerType, String trigger, String steps, @Nullable String condition,
                      Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "FlowRow[" + id + ", " + name + "]";
    }
}
