package io.parley.worker.ingress.web;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.parley.core.conversation.MessageRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Web chat reads; call inside the tenant's scope. A session is a contact identity (channel, session id). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebChatRepository extends GenericRepository<MessageRow, UUID> {

    /** The stored event of a client message id, if it came from this session. */
    @Query("""
            SELECT id FROM inbound_events
            WHERE tenant_id = :tenantId AND channel_id = :channelId AND provider_event_id = :clientMessageId
              AND payload ->> 'externalUserId' = :sessionId""")
    Optional<UUID> eventOf(UUID tenantId, UUID channelId, String clientMessageId, String sessionId);

    /**
     * Replies sent to the session with an id after {@code afterId} (Last-Event-ID) that were sent (or moved on)
     * since {@code since}, oldest first.
     */
    @Query("""
            SELECT m.tenant_id, m.id, m.conversation_id, m.direction, m.sender, m.agent_user_id, m.type, m.text,
                CAST(m.payload AS text) AS payload, m.provider_message_id, m.status, m.status_detail, m.created_at,
                m.updated_at
            FROM contact_identities ci
            JOIN conversations c ON c.tenant_id = ci.tenant_id AND c.channel_id = ci.channel_id
                AND c.contact_id = ci.contact_id
            JOIN messages m ON m.tenant_id = c.tenant_id AND m.conversation_id = c.id
            WHERE ci.tenant_id = :tenantId AND ci.channel_id = :channelId AND ci.external_user_id = :sessionId
              AND m.direction = 'outbound' AND m.status IN ('sent', 'delivered', 'read')
              AND m.id > :afterId AND m.updated_at >= :since
            ORDER BY m.id
            LIMIT :limit""")
    List<MessageRow> sent(UUID tenantId, UUID channelId, String sessionId, UUID afterId, Instant since, int limit);

    /** Whether a person holds the session's conversation (the bot is paused); false before it has one. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM contact_identities ci
                JOIN conversations c ON c.tenant_id = ci.tenant_id AND c.channel_id = ci.channel_id
                    AND c.contact_id = ci.contact_id
                WHERE ci.tenant_id = :tenantId AND ci.channel_id = :channelId AND ci.external_user_id = :sessionId
                  AND c.bot_paused)""")
    boolean heldByPerson(UUID tenantId, UUID channelId, String sessionId);

    /** The channel's bot's "a person will answer" text (V191), or null for the widget's default. */
    @Query("""
            SELECT b.handoff_text FROM channels ch JOIN bots b ON b.tenant_id = ch.tenant_id AND b.id = ch.bot_id
            WHERE ch.tenant_id = :tenantId AND ch.id = :channelId""")
    @io.micronaut.core.annotation.Nullable
    String handoffText(UUID tenantId, UUID channelId);
}
