package io.parley.core.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** The history of memory values; every query names the tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemoryHistoryRepository extends GenericRepository<MemoryHistoryRow, UUID> {

    /** 0 when this turn already changed this field of this contact or conversation (a turn that ran again). */
    @Query("""
            INSERT INTO memory_history (tenant_id, id, bot_id, field, contact_id, conversation_id, old_value, new_value,
                source, actor_id, turn_id)
            VALUES (:tenantId, :id, :botId, :field, :contactId, :conversationId, CAST(:oldValue AS jsonb),
                CAST(:newValue AS jsonb), :source, :actorId, :turnId)
            ON CONFLICT DO NOTHING""")
    int insert(UUID tenantId, UUID id, UUID botId, String field, UUID contactId, @Nullable UUID conversationId,
               @Nullable String oldValue, @Nullable String newValue, String source, @Nullable UUID actorId,
               @Nullable UUID turnId);

    /** A contact's changes, newest first. */
    @Query("""
            SELECT tenant_id, id, bot_id, field, contact_id, conversation_id, CAST(old_value AS text) AS old_value,
                CAST(new_value AS text) AS new_value, source, actor_id, turn_id, changed_at
            FROM memory_history WHERE tenant_id = :tenantId AND contact_id = :contactId
            ORDER BY id DESC LIMIT :limit""")
    List<MemoryHistoryRow> ofContact(UUID tenantId, UUID contactId, int limit);
}
