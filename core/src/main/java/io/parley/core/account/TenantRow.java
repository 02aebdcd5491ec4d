package io.parley.core.account;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A business on Parley. */
@MappedEntity("tenants")
public record TenantRow(@Id UUID id, String name, String plan, Instant createdAt, Instant updatedAt) {
}
