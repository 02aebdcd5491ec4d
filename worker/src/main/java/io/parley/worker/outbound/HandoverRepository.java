package io.parley.worker.outbound;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The hand-over mark of outbound messages ({@code messages.handover_attempt}, V31): set just before a provider call,
 * cleared when the provider refused the batch; call inside the tenant's scope. Only queued messages are touched: a
 * message that moved on (sent, failed) has an outcome already.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface HandoverRepository extends GenericRepository<Handover, UUID> {

    @Query("UPDATE messages SET handover_attempt = :attempt "
            + "WHERE tenant_id = :tenantId AND id IN (:ids) AND status = 'queued'")
    int begin(UUID tenantId, Collection<UUID> ids, int attempt);

    @Query("UPDATE messages SET handover_attempt = NULL "
            + "WHERE tenant_id = :tenantId AND id IN (:ids) AND status = 'queued'")
    int cancel(UUID tenantId, Collection<UUID> ids);

    @Query("SELECT id, handover_attempt FROM messages WHERE tenant_id = :tenantId AND id IN (:ids) "
            + "AND status = 'queued' AND handover_attempt IS NOT NULL")
    List<Handover> unconfirmed(UUID tenantId, Collection<UUID> ids);

    /**
     * True when the conversation has a message queued after {@code since} and before {@code before} that is not one
     * of {@code mine}: a turn's reply that its turn is sending inline right now (InlineSend), which a later send
     * must not overtake. {@code since} is the UUIDv7 floor of a recent instant, so this reads the last few seconds.
     */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM messages WHERE tenant_id = :tenantId AND conversation_id = :conversationId
                             AND id > :since AND id < :before AND direction = 'outbound' AND status = 'queued'
                             AND NOT (id IN (:mine)))""")
    boolean queuedBefore(UUID tenantId, UUID conversationId, UUID since, UUID before, Collection<UUID> mine);
}
