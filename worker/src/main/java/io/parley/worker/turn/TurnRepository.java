package io.parley.worker.turn;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** The turn's own reads; call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TurnRepository extends GenericRepository<TurnEventRow, UUID> {

    @Query("""
            SELECT e.tenant_id, e.id, e.channel_id, c.bot_id, CAST(e.payload AS text) AS payload, e.received_at
            FROM inbound_events e JOIN channels c ON c.tenant_id = e.tenant_id AND c.id = e.channel_id
            WHERE e.tenant_id = :tenantId AND e.id = :id""")
    Optional<TurnEventRow> find(UUID tenantId, UUID id);

    /**
     * True when the turn of {@code eventId} has already written its reply (a re-run after a crash or a lost lease
     * must not answer twice): the reply's first message carries the event's id in {@code reply_to}, unique per
     * tenant (V30), so this is one index probe. A message answered together with earlier ones by their turn's reply
     * (a coalesced turn, V51) carries that turn's event in {@code answered_by}: a second probe, by primary key.
     */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM messages WHERE tenant_id = :tenantId AND reply_to = :eventId)
                OR EXISTS (SELECT 1 FROM messages WHERE tenant_id = :tenantId AND id = :eventId
                             AND answered_by IS NOT NULL)""")
    boolean answered(UUID tenantId, UUID eventId);

    /**
     * True while a send of the conversation waits or runs ({@code sendKey}: InboundEvent.sendKey()): a reply then
     * goes in an {@code outbound.send} job behind it rather than inline (ReplyWriter).
     */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM jobs WHERE serial_key = :sendKey AND kind = 'outbound.send'
                             AND state IN ('available', 'retryable', 'running'))""")
    boolean sendsWaiting(String sendKey);
}
