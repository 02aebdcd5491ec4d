package io.parley.core.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations; call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConversationRepository extends GenericRepository<ConversationRow, UUID> {

    /** The conversation of a contact on a channel, created on first use; safe under concurrent calls. */
    @Query("""
            WITH inserted AS (
                INSERT INTO conversations (tenant_id, id, bot_id, channel_id, contact_id)
                VALUES (:tenantId, :id, :botId, :channelId, :contactId)
                ON CONFLICT (tenant_id, channel_id, contact_id) DO NOTHING
                RETURNING *)
            SELECT * FROM inserted
            UNION ALL
            SELECT * FROM conversations WHERE tenant_id = :tenantId AND channel_id = :channelId AND contact_id = :contactId
            LIMIT 1""")
    ConversationRow upsert(UUID tenantId, UUID id, UUID botId, UUID channelId, UUID contactId);

    @Query("SELECT * FROM conversations WHERE tenant_id = :tenantId AND id = :id")
    Optional<ConversationRow> find(UUID tenantId, UUID id);

    /** Locks the conversation row for the rest of the transaction (takeover checks, counters). */
    @Query("SELECT * FROM conversations WHERE tenant_id = :tenantId AND id = :id FOR UPDATE")
    Optional<ConversationRow> lock(UUID tenantId, UUID id);

    /** Newest activity first; filters are optional (null = any). */
    @Query("""
            SELECT * FROM conversations
            WHERE tenant_id = :tenantId
              AND (CAST(:botId AS uuid) IS NULL OR bot_id = :botId)
              AND (CAST(:channelId AS uuid) IS NULL OR channel_id = :channelId)
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (:unreadOnly = false OR unread_count > 0)
            ORDER BY last_message_at DESC NULLS LAST, id DESC
            LIMIT :limit OFFSET :offset""")
    List<ConversationRow> list(UUID tenantId, @Nullable UUID botId, @Nullable UUID channelId, @Nullable String status,
                               boolean unreadOnly, int limit, int offset);

    /**
     * A message from the contact: counted unread; it reopens a resolved conversation, and one a person holds (the
     * bot is paused) now waits for that person.
     */
    @Query("""
            UPDATE conversations SET last_message_at = now(), last_inbound_at = now(), unread_count = unread_count + 1,
                status = CASE WHEN bot_paused THEN 'waiting' WHEN status = 'resolved' THEN 'open' ELSE status END,
                resolved_at = NULL, updated_at = now() WHERE tenant_id = :tenantId AND id = :id""")
    void recordInbound(UUID tenantId, UUID id);

    /**
     * Records who or what paused the bot ({@code flow}, {@code agent}, {@code api}, {@code moderation}); with
     * {@code waiting} the conversation now needs a person, else a resolved one reopens. Call with the bot paused.
     */
    @Query("""
            UPDATE conversations SET handoff_source = :source, resolved_at = NULL,
                status = CASE WHEN :waiting THEN 'waiting' WHEN status = 'resolved' THEN 'open' ELSE status END,
                updated_at = now() WHERE tenant_id = :tenantId AND id = :id""")
    void recordHandoff(UUID tenantId, UUID id, String source, boolean waiting);

    /** The bot answers again: nobody is waited for. */
    @Query("""
            UPDATE conversations SET handoff_source = NULL,
                status = CASE WHEN status = 'waiting' THEN 'open' ELSE status END, updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    void recordRelease(UUID tenantId, UUID id);

    /** A person answered: the conversation is open (no longer waiting, nor resolved). */
    @Query("UPDATE conversations SET status = 'open', resolved_at = NULL, updated_at = now() "
            + "WHERE tenant_id = :tenantId AND id = :id")
    void recordAnswered(UUID tenantId, UUID id);

    /** Sets the status; resolving stamps {@code resolved_at} and hands the conversation back to the bot. */
    @Query("""
            UPDATE conversations SET status = :status,
                resolved_at = CASE WHEN :status = 'resolved' THEN now() ELSE NULL END,
                bot_paused = CASE WHEN :status = 'resolved' THEN false ELSE bot_paused END,
                taken_over_by = CASE WHEN :status = 'resolved' THEN NULL ELSE taken_over_by END,
                taken_over_at = CASE WHEN :status = 'resolved' THEN NULL ELSE taken_over_at END,
                handoff_source = CASE WHEN :status = 'resolved' THEN NULL ELSE handoff_source END,
                updated_at = now() WHERE tenant_id = :tenantId AND id = :id""")
    void setStatus(UUID tenantId, UUID id, String status);

    /** Assigns the conversation to a team (null: no team); its member assignee is set apart ({@link #assign}). */
    @Query("UPDATE conversations SET team_id = :teamId, updated_at = now() WHERE tenant_id = :tenantId AND id = :id")
    void assignTeam(UUID tenantId, UUID id, @Nullable UUID teamId);

    /** Assigns the conversation to a member (null: unassigned). */
    @Query("UPDATE conversations SET assignee_id = :assigneeId, updated_at = now() "
            + "WHERE tenant_id = :tenantId AND id = :id")
    void assign(UUID tenantId, UUID id, @Nullable UUID assigneeId);

    /** How many conversations need a person (status waiting). */
    @Query("SELECT count(*) FROM conversations WHERE tenant_id = :tenantId AND status = 'waiting'")
    long countWaiting(UUID tenantId);

    /** How many conversations need a person and are assigned to {@code assigneeId}. */
    @Query("SELECT count(*) FROM conversations WHERE tenant_id = :tenantId AND status = 'waiting' "
            + "AND assignee_id = :assigneeId")
    long countWaitingFor(UUID tenantId, UUID assigneeId);

    /** How many conversations need a person and are assigned to a team {@code memberId} is in (the "My teams" view). */
    @Query("SELECT count(*) FROM conversations WHERE tenant_id = :tenantId AND status = 'waiting' "
            + "AND team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.tenant_id = :tenantId "
            + "AND tm.user_id = :memberId)")
    long countWaitingForTeamsOf(UUID tenantId, UUID memberId);

    /** How many conversations need a person and nobody is assigned. */
    @Query("SELECT count(*) FROM conversations WHERE tenant_id = :tenantId AND status = 'waiting' "
            + "AND assignee_id IS NULL")
    long countWaitingUnassigned(UUID tenantId);

    @Query("UPDATE conversations SET last_message_at = now(), updated_at = now() WHERE tenant_id = :tenantId AND id = :id")
    void recordOutbound(UUID tenantId, UUID id);

    @Query("UPDATE conversations SET unread_count = 0, updated_at = now() WHERE tenant_id = :tenantId AND id = :id")
    void markRead(UUID tenantId, UUID id);

    /** Takeover (paused = true, by = the agent) or release (false, null). */
    @Query("""
            UPDATE conversations SET bot_paused = :paused, taken_over_by = :by,
                taken_over_at = CASE WHEN :paused THEN now() ELSE NULL END, updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int setBotPaused(UUID tenantId, UUID id, boolean paused, @Nullable UUID by);

    @Query("UPDATE conversations SET limit_notice_until = :until, updated_at = now() WHERE tenant_id = :tenantId AND id = :id")
    void setLimitNoticeUntil(UUID tenantId, UUID id, java.time.Instant until);
}
