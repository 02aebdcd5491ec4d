package io.parley.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

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
            FROM audit_log WHERE tenant_id = :tenantId AND id < :beforeId ORDER BY id DESC LIMIT :limit""")
    List<AuditEntryRow> page(UUID tenantId, UUID beforeId, int limit);
}
