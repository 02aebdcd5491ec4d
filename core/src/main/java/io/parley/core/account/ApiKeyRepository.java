package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiKeyRepository extends GenericRepository<ApiKeyRow, UUID> {

    @Query("""
            INSERT INTO api_keys (tenant_id, id, name, role, prefix, secret_hash, created_by)
            VALUES (:tenantId, :id, :name, :role, :prefix, :secretHash, :createdBy)""")
    void insert(UUID tenantId, UUID id, String name, String role, String prefix, byte[] secretHash, @Nullable UUID createdBy);

    @Query("SELECT * FROM api_keys WHERE tenant_id = :tenantId AND id = :id")
    Optional<ApiKeyRow> find(UUID tenantId, UUID id);

    /** Newest first, before {@code beforeId} (UUIDv7 ids sort by creation). */
    @Query("SELECT * FROM api_keys WHERE tenant_id = :tenantId AND id < :beforeId ORDER BY id DESC LIMIT :limit")
    List<ApiKeyRow> page(UUID tenantId, UUID beforeId, int limit);

    @Query("UPDATE api_keys SET revoked_at = now() WHERE tenant_id = :tenantId AND id = :id AND revoked_at IS NULL")
    int revoke(UUID tenantId, UUID id);

    /** At most one write per key per minute, however busy the key is. */
    @Query("""
            UPDATE api_keys SET last_used_at = now() WHERE tenant_id = :tenantId AND id = :id
            AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
    void touch(UUID tenantId, UUID id);
}
