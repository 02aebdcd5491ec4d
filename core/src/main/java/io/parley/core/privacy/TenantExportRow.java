package io.parley.core.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A tenant export without its document: pending until its job has built it, then ready. */
@MappedEntity("tenant_exports")
public record TenantExportRow(UUID tenantId, @Id UUID id, String status, Instant createdAt,
                              @Nullable Instant readyAt) {
}
