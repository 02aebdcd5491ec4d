package io.parley.core.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.parley.core.tenancy.Ids;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Messages; call inside the tenant's scope. Ids are UUIDv7, so id order is creation order. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MessageRepository extends GenericRepository<MessageRow, UUID> {

    String COLUMNS = "tenant_id, id, conversation_id, direction, sender, agent_user_id, type, text, "
            + "CAST(payload AS text) AS payload, provider_message_id, status, status_detail, created_at, updated_at";

    String INSERT = """
            INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, agent_user_id, type, text, payload,
                provider_message_id, status)
            VALUES (:tenantId, :id, :conversationId, :direction, :sender, :agentUserId, :type, :text,
                CAST(:payload AS jsonb), :providerMessageId, :status)""";

    @Query(INSERT)
    void insert(UUID tenantId, UUID id, UUID conversationId, String direction, String sender,
                @Nullable UUID agentUserId, String type, @Nullable String text, String payload,
                @Nullable String providerMessageId, String status);

    /** {@link #insert}, unless a message with this id exists (a re-run of its turn): 1 when inserted, else 0. */
    @Query(INSERT + " ON CONFLICT (tenant_id, id) DO NOTHING")
    int insertIfAbsent(UUID tenantId, UUID id, UUID conversationId, String direction, String sender,
                       @Nullable UUID agentUserId, String type, @Nullable String text, String payload,
                       @Nullable String providerMessageId, String status);

    @Query("SELECT " + COLUMNS + " FROM messages WHERE tenant_id = :tenantId AND id = :id")
    Optional<MessageRow> find(UUID tenantId, UUID id);

    /** A page oldest → newest after {@code afterId} (use the zero UUID for the start). */
    @Query("SELECT " + COLUMNS + " FROM messages WHERE tenant_id = :tenantId AND conversation_id = :conversationId "
            + "AND id > :afterId ORDER BY id LIMIT :limit")
    List<MessageRow> pageForward(UUID tenantId, UUID conversationId, UUID afterId, int limit);

    /** The newest {@code limit} messages before {@code beforeId}, newest first (history for the LLM, inbox). */
    @Query("SELECT " + COLUMNS + " FROM messages WHERE tenant_id = :tenantId AND conversation_id = :conversationId "
            + "AND id < :beforeId ORDER BY id DESC LIMIT :limit")
    List<MessageRow> latest(UUID tenantId, UUID conversationId, UUID beforeId, int limit);

    /**
     * Inbound messages of a contact (any conversation) received since {@code since}: per-contact rate limits. The
     * time is the message id's (UUIDv7, made when Parley received the message), so the count reads only the recent
     * end of each of the contact's conversations (V30's indexes), however long their history.
     */
    default long countInboundSince(UUID tenantId, UUID contactId, Instant since) {
        return countInboundFrom(tenantId, contactId, Ids.lowestAt(since));
    }

    @Query("""
            SELECT count(*) FROM conversations c
            JOIN messages m ON m.tenant_id = c.tenant_id AND m.conversation_id = c.id
            WHERE c.tenant_id = :tenantId AND c.contact_id = :contactId
              AND m.direction = 'inbound' AND m.id >= :lowestId""")
    long countInboundFrom(UUID tenantId, UUID contactId, UUID lowestId);

    /**
     * Inserts the first message of a turn's reply, marked as the answer to inbound event {@code replyTo}. Returns
     * 0 instead of inserting when that event already has its reply (V30's unique index): a turn run twice answers once.
     */
    @Query("""
            INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, payload, status, reply_to)
            VALUES (:tenantId, :id, :conversationId, 'outbound', 'bot', :type, :text, CAST(:payload AS jsonb), 'queued',
                :replyTo)
            ON CONFLICT (tenant_id, reply_to) WHERE reply_to IS NOT NULL DO NOTHING""")
    int insertReply(UUID tenantId, UUID id, UUID conversationId, String type, @Nullable String text, String payload,
                    UUID replyTo);

    /** The outbound messages among {@code ids} in one conversation (any status), in id order. */
    @Query("SELECT " + COLUMNS + " FROM messages WHERE tenant_id = :tenantId AND conversation_id = :conversationId "
            + "AND direction = 'outbound' AND id IN (:ids) ORDER BY id")
    List<MessageRow> findOutbound(UUID tenantId, UUID conversationId, Collection<UUID> ids);

    /** Adds (or replaces) top-level keys of the payload, e.g. the postback references a sender made. */
    @Query("UPDATE messages SET payload = payload || CAST(:patch AS jsonb), updated_at = now() "
            + "WHERE tenant_id = :tenantId AND id = :id")
    int mergePayload(UUID tenantId, UUID id, String patch);

    /** Replaces a message's text, e.g. an access code a contact sent, so the inbox and the LLM's history never show it. */
    @Query("UPDATE messages SET text = :text, updated_at = now() WHERE tenant_id = :tenantId AND id = :id")
    int redactText(UUID tenantId, UUID id, String text);

    /** Also stamps {@code sent_at}: the end of the "webhook received → reply sent" latency (docs/analytics.md). */
    @Query("UPDATE messages SET provider_message_id = :providerMessageId, status = 'sent', sent_at = now(), "
            + "updated_at = now() WHERE tenant_id = :tenantId AND id = :id AND status = 'queued'")
    int markSent(UUID tenantId, UUID id, @Nullable String providerMessageId);

    /**
     * {@link #markSent} and, when {@code mode} is given, how the provider was asked ({@code reply} or {@code push} on
     * LINE, for analytics): one row version and one round trip where the two statements made two.
     */
    @Query("UPDATE messages SET provider_message_id = :providerMessageId, status = 'sent', sent_at = now(), "
            + "send_mode = COALESCE(:mode, send_mode), updated_at = now() "
            + "WHERE tenant_id = :tenantId AND id = :id AND status = 'queued'")
    int markSentAs(UUID tenantId, UUID id, @Nullable String providerMessageId, @Nullable String mode);

    /** How the provider was asked ({@code reply} or {@code push} on LINE), for analytics (docs/analytics.md). */
    @Query("UPDATE messages SET send_mode = :mode WHERE tenant_id = :tenantId AND id = :id")
    int setSendMode(UUID tenantId, UUID id, String mode);

    /**
     * Moves a status forward only (queued < sent < delivered < read; failed from any non-read state), so a late
     * "delivered" after "read" changes nothing.
     */
    @Query("""
            UPDATE messages SET status = :status, status_detail = :detail, updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id
              AND (CASE :status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 3 ELSE 0 END)
                > (CASE status WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 4
                   WHEN 'failed' THEN 4 ELSE 4 END)""")
    int advanceStatus(UUID tenantId, UUID id, String status, @Nullable String detail);

    /**
     * A failed outbound message goes back to queued for a person's retry: the one move against the forward-only
     * order, taken only from failed (so of two concurrent retries one wins); its reason and any hand-over mark of the
     * attempt that failed are cleared, so the send job treats it as never sent.
     */
    @Query("""
            UPDATE messages SET status = 'queued', status_detail = NULL, handover_attempt = NULL, updated_at = now()
            WHERE tenant_id = :tenantId AND conversation_id = :conversationId AND id = :id
              AND direction = 'outbound' AND status = 'failed'""")
    int requeueFailed(UUID tenantId, UUID conversationId, UUID id);

    @Query("SELECT " + COLUMNS + " FROM messages WHERE tenant_id = :tenantId AND provider_message_id = :providerMessageId")
    Optional<MessageRow> findByProviderId(UUID tenantId, String providerMessageId);
}
