package io.parley.core.memory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** Memory field declarations, one row per bot; every query names the tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemoryFieldsRepository extends GenericRepository<MemoryFieldsRow, UUID> {

    @Query("""
            SELECT tenant_id, bot_id, CAST(fields AS text) AS fields, update_mode, updated_at
            FROM bot_memory_fields WHERE tenant_id = :tenantId AND bot_id = :botId""")
    Optional<MemoryFieldsRow> find(UUID tenantId, UUID botId);

    /** The memory fields of every bot the contact has a conversation with, by bot id. */
    @Query("""
            SELECT f.tenant_id, f.bot_id, CAST(f.fields AS text) AS fields, f.update_mode, f.updated_at
            FROM bot_memory_fields f
            WHERE f.tenant_id = :tenantId AND jsonb_array_length(f.fields) > 0 AND f.bot_id IN (
                SELECT c.bot_id FROM conversations c WHERE c.tenant_id = :tenantId AND c.contact_id = :contactId)
            ORDER BY f.bot_id""")
    java.util.List<MemoryFieldsRow> forContact(UUID tenantId, UUID contactId);

    @Query("""
            INSERT INTO bot_memory_fields (tenant_id, bot_id, fields, update_mode)
            VALUES (:tenantId, :botId, CAST(:fields AS jsonb), :updateMode)
            ON CONFLICT (tenant_id, bot_id) DO UPDATE SET fields = EXCLUDED.fields,
                update_mode = EXCLUDED.update_mode, updated_at = now()""")
    void save(UUID tenantId, UUID botId, String fields, String updateMode);
}
