package io.parley.worker.turn;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import jakarta.inject.Singleton;
import org.postgresql.PGStatement;

import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

/**
 * The history a turn shows the LLM: the conversation's newest messages before the new one, newest first. Call inside
 * the tenant's scope.
 *
 * <p>"Before" is conversational order, not storage order: a reply sits right after the message it answers. A
 * contact who writes again while the bot is still answering (common with an LLM that takes seconds) has a message
 * id older than that answer's, so ordering by id alone would leave the answer out of the next turn's history and
 * show the LLM its previous message as unanswered. The bot's replies name the message they answer
 * ({@code payload.replyTo}), so replies stored after the new message but answering an earlier one are taken in and
 * placed after the message they answer.
 *
 * <p>Why not {@code MessageRepository.latest}: a prepared statement run often gets a generic plan, made without the
 * parameter values. With statistics from a moment when the tenant's messages belonged to few conversations, that
 * plan walks {@code messages_pkey} backwards through every message of the tenant, filtering the conversation, until
 * it has {@code limit} rows — all of them, for a conversation shorter than the window (the benchmark: 648 buffers and
 * 2.1 ms a turn, a third of the database's time, instead of 20 buffers). This statement is sent unnamed (pgjdbc's
 * prepare threshold 0), so PostgreSQL plans it for its values each time, on {@code messages_conversation_idx}; the
 * planning costs microseconds.
 */
@Singleton
final class ConversationHistory {

    private static final String LATEST = """
            WITH earlier AS (
                SELECT id, id AS place FROM messages
                WHERE tenant_id = ? AND conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?),
            later_replies AS (
                SELECT id, CASE WHEN payload ->> 'replyTo' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                THEN CAST(payload ->> 'replyTo' AS uuid) END AS place
                FROM messages
                WHERE tenant_id = ? AND conversation_id = ? AND id > ? AND direction = 'outbound'),
            picked AS (
                SELECT id, place FROM (SELECT id, place FROM earlier
                                       UNION ALL
                                       SELECT id, place FROM later_replies WHERE place < ?) candidates
                ORDER BY place DESC, id DESC LIMIT ?)
            SELECT\s""" + MessageRepository.COLUMNS + """
             FROM messages JOIN picked USING (id)
            WHERE tenant_id = ? ORDER BY picked.place DESC, id DESC""";

    private final JdbcOperations jdbc;

    ConversationHistory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<MessageRow> before(UUID tenantId, UUID conversationId, UUID beforeId, int limit) {
        return jdbc.prepareStatement(LATEST, statement -> {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setObject(1, tenantId);
            statement.setObject(2, conversationId);
            statement.setObject(3, beforeId);
            statement.setInt(4, limit);
            statement.setObject(5, tenantId);
            statement.setObject(6, conversationId);
            statement.setObject(7, beforeId);
            statement.setObject(8, beforeId);
            statement.setInt(9, limit);
            statement.setObject(10, tenantId);
            try (ResultSet rows = statement.executeQuery()) {
                return jdbc.entityStream(rows, MessageRow.class).toList();
            }
        });
    }
}
