package io.parley.core.broadcast;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A broadcast as stored ({@code broadcasts}); {@code messageJson} is a {@link BroadcastMessage}. */
public record BroadcastRow(UUID tenantId, UUID id, String name, @Nullable UUID segmentId, List<UUID> channelIds,
                           String messageJson, @Nullable String quietHoursJson, BroadcastState state,
                           @Nullable String stateReason, @Nullable Instant scheduledAt, @Nullable Instant startedAt,
                           @Nullable Instant finishedAt, int plannedCount, int optedOutCount, Instant createdAt,
                           Instant updatedAt) {
}
