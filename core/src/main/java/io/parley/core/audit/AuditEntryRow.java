package io.parley.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One audit-log entry; {@code details} is the JSON text of the jsonb column. */
@MappedEntity("audit_log")
public record AuditEntryRow(UUID tenantId, @Id UUID id, String actorType, @Nullable UUID actorId,
                            @Nullable String actorLabel, String action, @Nullable String targetType,
                            @Nullable String targetId, String details, @Nullable String ip, Instant createdAt) {
}
