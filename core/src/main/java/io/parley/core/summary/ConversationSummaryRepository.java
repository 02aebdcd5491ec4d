package io.parley.core.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Conversation summaries (V161, docs/llm.md "Long memory"). Call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConversationSummaryRepository
        extends GenericRepository<ConversationSummaryRepository.SummaryRow, UUID> {

    @Query("SELECT * FROM conversation_summaries WHERE tenant_id = :tenantId AND conversation_id = :conversationId")
    Optional<SummaryRow> find(UUID tenantId, UUID conversationId);

    /**
     * The summary job's result, written only when it covers more than the stored one: a job that runs twice, or
     * after a newer one, writes nothing (0). A member's edit is kept as the base: the job summarizes on top of it.
     */
    @Query("""
            INSERT INTO conversation_summaries (tenant_id, conversation_id, summary, up_to_message_id, source, model)
            VALUES (:tenantId, :conversationId, :summary, :upToMessageId, 'llm', :model)
            ON CONFLICT (tenant_id, conversation_id) DO UPDATE
            SET summary = EXCLUDED.summary, up_to_message_id = EXCLUDED.up_to_message_id, source = 'llm',
                model = EXCLUDED.model, updated_by = NULL, updated_at = now()
            WHERE conversation_summaries.up_to_message_id IS NULL
               OR conversation_summaries.up_to_message_id < EXCLUDED.up_to_message_id""")
    int advance(UUID tenantId, UUID conversationId, String summary, UUID upToMessageId, String model);

    /** A member's edit (the inbox, the API): the text changes, what it covers stays. */
    @Query("""
            INSERT INTO conversation_summaries (tenant_id, conversation_id, summary, source, updated_by)
            VALUES (:tenantId, :conversationId, :summary, 'agent', :updatedBy)
            ON CONFLICT (tenant_id, conversation_id) DO UPDATE
            SET summary = EXCLUDED.summary, source = 'agent', updated_by = EXCLUDED.updated_by, updated_at = now()""")
    void edit(UUID tenantId, UUID conversationId, String summary, @Nullable UUID updatedBy);

    /**
     * A stored summary. {@code upToMessageId}: the newest message it covers (null: written by a member before any
     * job ran); {@code source}: llm or agent; {@code updatedBy}: the member who edited it last.
     */
    @MappedEntity("conversation_summaries")
    record SummaryRow(UUID tenantId, @Id UUID conversationId, String summary, @Nullable UUID upToMessageId,
                      String source, @Nullable String model, @Nullable UUID updatedBy, Instant updatedAt) {

        @Override
        public String toString() {
            return "SummaryRow[" + conversationId + "]";
        }
    }
}
