package io.parley.core.privacy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A tombstone of an erased channel identity (V170): the identity only as its hash. */
@MappedEntity("contact_erasures")
public record ContactErasureRow(UUID tenantId, UUID channelId, @Id String identityHash, Instant erasedAt) {
}
