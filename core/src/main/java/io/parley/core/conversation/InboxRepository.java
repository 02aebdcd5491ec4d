package io.parley.core.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The inbox's read model: conversations joined with their bot, channel, contact and last message. Call inside the
 * tenant's scope. The list is ordered by activity (last message, else creation), newest first, and paged by keyset
 * on (activity, id), which {@code conversations_activity_idx} (V24) serves as a range scan.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InboxRepository extends GenericRepository<InboxRow, UUID> {

    String SELECT = """
            SELECT c.tenant_id, c.id, c.bot_id, b.name AS bot_name, c.channel_id, ch.type AS channel_type,
                ch.name AS channel_name, c.contact_id, ct.display_name AS contact_display_name, ct.tier AS contact_tier,
                c.status, c.bot_paused, c.taken_over_by, c.taken_over_at, c.unread_count, c.last_message_at,
                c.last_inbound_at, COALESCE(c.last_message_at, c.created_at) AS activity_at, c.created_at,
                lm.id AS last_message_id, lm.direction AS last_message_direction, lm.sender AS last_message_sender,
                lm.type AS last_message_type, left(lm.text, 200) AS last_message_text,
                char_length(lm.text) > 200 AS last_message_truncated, c.assignee_id, c.handoff_source, c.resolved_at,
                lm.status AS last_message_status, c.team_id
            FROM conversations c
            JOIN bots b ON b.tenant_id = c.tenant_id AND b.id = c.bot_id
            JOIN channels ch ON ch.tenant_id = c.tenant_id AND ch.id = c.channel_id
            JOIN contacts ct ON ct.tenant_id = c.tenant_id AND ct.id = c.contact_id
            LEFT JOIN LATERAL (
                SELECT m.id, m.direction, m.sender, m.type, m.text, m.status FROM messages m
                WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id
                ORDER BY m.id DESC LIMIT 1) lm ON true
            """;

    /** The position before every conversation: the start of the list. */
    Instant START = Instant.parse("9999-12-31T23:59:59Z");

    @Query(SELECT + "WHERE c.tenant_id = :tenantId AND c.id = :id")
    Optional<InboxRow> find(UUID tenantId, UUID id);

    /**
     * The page after the position ({@code beforeActivity}, {@code beforeId}) — use {@link #START} and any id for the
     * first page. Null filters match everything; {@code unread} true = unread only, false = read only;
     * {@code takenOver} true = a person holds it (the bot is paused), false = the bot answers; {@code assigneeId}
     * only that member's, {@code unassigned} only those without a member; {@code teamId} only that team's (V211),
     * {@code teamMemberId} only those of the teams that member belongs to (the "my teams" view); {@code tier} only contacts of that tier; {@code query} the conversations whose
     * contact's name or any message's text contains it (case-insensitive; message text through V175's bigram
     * index, so Chinese is found inside a sentence).
     */
    @Query(SELECT + """
            WHERE c.tenant_id = :tenantId
              AND (COALESCE(c.last_message_at, c.created_at), c.id) < (CAST(:beforeActivity AS timestamptz), :beforeId)
              AND (CAST(:botId AS uuid) IS NULL OR c.bot_id = :botId)
              AND (CAST(:channelId AS uuid) IS NULL OR c.channel_id = :channelId)
              AND (CAST(:contactId AS uuid) IS NULL OR c.contact_id = :contactId)
              AND (CAST(:status AS text) IS NULL OR c.status = :status)
              AND (CAST(:unread AS boolean) IS NULL OR (c.unread_count > 0) = :unread)
              AND (CAST(:takenOver AS boolean) IS NULL OR c.bot_paused = :takenOver)
              AND (CAST(:assigneeId AS uuid) IS NULL OR c.assignee_id = :assigneeId)
              AND (:unassigned = false OR c.assignee_id IS NULL)
              AND (CAST(:teamId AS uuid) IS NULL OR c.team_id = :teamId)
              AND (CAST(:teamMemberId AS uuid) IS NULL OR c.team_id IN (SELECT tm.team_id FROM team_members tm
                   WHERE tm.tenant_id = :tenantId AND tm.user_id = :teamMemberId))
              AND (CAST(:tier AS text) IS NULL OR ct.tier = :tier)
              AND (CAST(:query AS text) IS NULL
                   OR strpos(lower(ct.display_name), lower(:query)) > 0
                   OR c.id IN (SELECT m.conversation_id FROM messages m
                               WHERE m.tenant_id = :tenantId AND parley_bigrams(m.text) @> parley_bigrams(:query)
                                 AND strpos(lower(m.text), lower(:query)) > 0))
            ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC
            LIMIT :limit""")
    List<InboxRow> page(UUID tenantId, Instant beforeActivity, UUID beforeId, @Nullable UUID botId,
                        @Nullable UUID channelId, @Nullable UUID contactId, @Nullable String status,
                        @Nullable Boolean unread, @Nullable Boolean takenOver, @Nullable UUID assigneeId,
                        boolean unassigned, @Nullable UUID teamId, @Nullable UUID teamMemberId,
                        @Nullable String query, @Nullable String tier, int limit);
}
