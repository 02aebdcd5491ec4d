package io.parley.worker.turn;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A stored inbound event with its channel's bot: what a turn starts from. {@code payload} is an InboundEvent. */
@MappedEntity("inbound_events")
record TurnEventRow(UUID tenantId, @Id UUID id, UUID channelId, UUID botId, String payload, Instant receivedAt) {
}
