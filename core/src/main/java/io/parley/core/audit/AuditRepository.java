package io.parley.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends GenericRepository<AuditEntryRow, UUID> {

    @Query("""
            INSERT INTO audit_log (tenant_id, id, actor_type, actor_id, actor_label, action, target_type, target_id, details, ip)
            VALUES (:tenantId, :id, :actorType, :actorId, :actorLabel, :action, :targetType, :targetId, CAST(:details AS jsonb), :ip)""")
    void insert(UUID tenantId, UUID id, String actorType, @Nullable UUID actorId, @Nullable String actorLabel, String action,
                @Nullable String targetType, @Nullable String targetId, String details, @Nullable String ip);

    @Query("""
            SELECT tenant_id, id, actor_type, actor_id, actor_label, action, target_type, target_id,
                   CAST(details AS text) AS details, ip, created_at
            FROM audit_log WHERE tenant_id = :tenantId AND id < :beforeId
              AND (CAST(:actorId AS uuid) IS NULL OR actor_id = :actorId)
              AND (CAST(:action AS text) IS NULL OR action = :action
                   OR (right(:action, 1) = '.' AND starts_with(action, :action)))
              AND (CAST(:since AS timestamptz) IS NULL OR created_at >= :since)
              AND (CAST(:until AS timestamptz) IS NULL OR created_at < :until)
            ORDER BY id DESC LIMIT :limit""")
    List<AuditEntryRow> page(UUID tenantId, UUID beforeId, @Nullable UUID actorId, @Nullable String action,
                             @Nullable Instant since, @Nullable Instant until, int limit);
}
