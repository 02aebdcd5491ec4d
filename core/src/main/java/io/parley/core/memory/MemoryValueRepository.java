package io.parley.core.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** Memory values; every query names the tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemoryValueRepository extends GenericRepository<MemoryValueRow, UUID> {

    String COLUMNS = "tenant_id, bot_id, field, subject_id, contact_id, conversation_id, CAST(value AS text) AS value, "
            + "updated_at";

    /** The contact's values for the bot and, when given, the conversation's (locked when {@code forUpdate}). */
    @Query("SELECT " + COLUMNS + " FROM memory_values WHERE tenant_id = :tenantId AND bot_id = :botId "
            + "AND subject_id IN (:contactId, coalesce(:conversationId, :contactId))")
    List<MemoryValueRow> forTurn(UUID tenantId, UUID botId, UUID contactId, @Nullable UUID conversationId);

    @Query("SELECT " + COLUMNS + " FROM memory_values WHERE tenant_id = :tenantId AND bot_id = :botId "
            + "AND subject_id IN (:contactId, coalesce(:conversationId, :contactId)) FOR UPDATE")
    List<MemoryValueRow> lockForTurn(UUID tenantId, UUID botId, UUID contactId, @Nullable UUID conversationId);

    /** Every value of a contact, for every bot and conversation. */
    @Query("SELECT " + COLUMNS + " FROM memory_values WHERE tenant_id = :tenantId AND contact_id = :contactId "
            + "ORDER BY bot_id, field, conversation_id NULLS FIRST")
    List<MemoryValueRow> ofContact(UUID tenantId, UUID contactId);

    /**
     * Per field and scope, the distinct contacts with a stored value for the bot (a cleared value is no row, so it
     * is not counted). Rows of a field whose scope changed since are returned too: the caller keeps the declared ones.
     */
    @Query("""
            SELECT field, conversation_id IS NOT NULL AS per_conversation, count(DISTINCT contact_id) AS contacts
            FROM memory_values WHERE tenant_id = :tenantId AND bot_id = :botId
            GROUP BY field, conversation_id IS NOT NULL""")
    List<MemoryFieldCount> countsByField(UUID tenantId, UUID botId);

    /** The distinct contacts that have a conversation with the bot (on any of its channels). */
    @Query("SELECT count(DISTINCT contact_id) FROM conversations WHERE tenant_id = :tenantId AND bot_id = :botId")
    long contactsOfBot(UUID tenantId, UUID botId);

    @Query("""
            INSERT INTO memory_values (tenant_id, bot_id, field, subject_id, contact_id, conversation_id, value)
            VALUES (:tenantId, :botId, :field, coalesce(:conversationId, :contactId), :contactId, :conversationId,
                CAST(:value AS jsonb))
            ON CONFLICT (tenant_id, bot_id, subject_id, field) DO UPDATE SET value = EXCLUDED.value,
                updated_at = now()""")
    void put(UUID tenantId, UUID botId, String field, UUID contactId, @Nullable UUID conversationId, String value);

    @Query("DELETE FROM memory_values WHERE tenant_id = :tenantId AND bot_id = :botId AND field = :field "
            + "AND subject_id = coalesce(:conversationId, :contactId)")
    int remove(UUID tenantId, UUID botId, String field, UUID contactId, @Nullable UUID conversationId);
}
