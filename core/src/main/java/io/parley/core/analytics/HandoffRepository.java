package io.parley.core.analytics;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/**
 * Hand-offs to a person, as they happen (a flow's hand-off step, a member's takeover): what containment and the
 * agent's first response are measured from (docs/analytics.md). Call inside the tenant's scope, in the transaction
 * that pauses the bot.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface HandoffRepository extends GenericRepository<HandoffRepository.HandoffRow, UUID> {

    /** What caused a hand-off. */
    String FLOW = "flow";
    String TAKEOVER = "takeover";
    /** A crisis flagged by moderation (V156). */
    String MODERATION = "moderation";

    @Query("INSERT INTO conversation_handoffs (tenant_id, id, conversation_id, kind) "
            + "VALUES (:tenantId, :id, :conversationId, :kind)")
    void insert(UUID tenantId, UUID id, UUID conversationId, String kind);

    /** Only for the repository's type; rows are read by the analytics queries. */
    @io.micronaut.data.annotation.MappedEntity("conversation_handoffs")
    record HandoffRow(UUID tenantId, @io.micronaut.data.annotation.Id UUID id, UUID conversationId, String kind) {
    }
}
