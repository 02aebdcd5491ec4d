package io.parley.worker.turn;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The turn's own reads; call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TurnRepository extends GenericRepository<TurnEventRow, UUID> {

    /** How far before the event a reply may sort (ids are UUIDv7 from several processes' clocks). */
    Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Query("""
            SELECT e.tenant_id, e.id, e.channel_id, c.bot_id, CAST(e.payload AS text) AS payload, e.received_at
            FROM inbound_events e JOIN channels c ON c.tenant_id = e.tenant_id AND c.id = e.channel_id
            WHERE e.tenant_id = :tenantId AND e.id = :id""")
    Optional<TurnEventRow> find(UUID tenantId, UUID id);

    /**
     * True when the turn of {@code eventId} has already written its reply (a re-run after a crash or a lost lease
     * must not answer twice). Replies carry their event's id as {@code payload.replyTo}; only messages created
     * since the event are looked at, through the conversation's id index.
     */
    default boolean answered(UUID tenantId, UUID conversationId, UUID eventId, Instant eventReceivedAt) {
        Instant floor = eventReceivedAt.minus(CLOCK_SKEW);
        UUID lowestId = new UUID((floor.toEpochMilli() << 16) | 0x7000L, Long.MIN_VALUE);
        return countReplies(tenantId, conversationId, lowestId, eventId.toString()) > 0;
    }

    @Query("""
            SELECT count(*) FROM messages WHERE tenant_id = :tenantId AND conversation_id = :conversationId
              AND id >= :lowestId AND direction = 'outbound' AND payload ->> 'replyTo' = :replyTo""")
    long countReplies(UUID tenantId, UUID conversationId, UUID lowestId, String replyTo);
}
