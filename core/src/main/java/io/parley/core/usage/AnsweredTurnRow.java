package io.parley.core.usage;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One answered turn in the usage ledger (V60), per bot and channel; its id is the turn's event id. */
@MappedEntity("answered_turns")
public record AnsweredTurnRow(UUID tenantId, @Id UUID id, UUID botId, UUID channelId, UUID conversationId,
                              Instant answeredAt) {
}
