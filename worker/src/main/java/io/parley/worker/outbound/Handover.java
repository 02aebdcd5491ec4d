package io.parley.worker.outbound;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** A queued message that the send attempt {@code handoverAttempt} handed to its provider without recording the answer. */
@MappedEntity("messages")
record Handover(@Id UUID id, int handoverAttempt) {
}
