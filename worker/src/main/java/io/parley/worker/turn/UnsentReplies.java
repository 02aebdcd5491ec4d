package io.parley.worker.turn;

import io.micronaut.json.JsonMapper;
import io.parley.core.message.InboundEvent;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.TenantId;
import io.parley.worker.outbound.OutboundSendArgs;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A turn that runs again finds its reply committed; since a turn sends its reply itself after the commit
 * ({@link io.parley.worker.outbound.InlineSend}), the attempt that died may not have sent it. The marker is the reply
 * itself: its first message carries the event in {@code reply_to}, the others in {@code payload.replyTo}, and a
 * message still {@code queued} was not recorded as sent. Such a reply gets the {@code outbound.send} job it would
 * have had (unique on its first message: a no-op when the inline attempt left one already), with the turn's reply
 * token, so the job's hand-over rules decide (docs/outbound.md, "Sending twice"). Only re-runs pay for this.
 */
@Singleton
final class UnsentReplies {

    /** The reply of an event: its conversation, its messages in order, and whether any is still queued. */
    private static final String REPLY = """
            SELECT r.conversation_id, ARRAY(SELECT m.id FROM messages m
                    WHERE m.tenant_id = r.tenant_id AND m.conversation_id = r.conversation_id AND m.id >= r.id
                      AND m.direction = 'outbound' AND m.payload->>'replyTo' = CAST(r.reply_to AS text)
                    ORDER BY m.id) AS ids,
                EXISTS (SELECT 1 FROM messages m
                    WHERE m.tenant_id = r.tenant_id AND m.conversation_id = r.conversation_id AND m.id >= r.id
                      AND m.direction = 'outbound' AND m.payload->>'replyTo' = CAST(r.reply_to AS text)
                      AND m.status = 'queued') AS unsent
            FROM messages r WHERE r.tenant_id = ? AND r.reply_to = ?""";

    /** The newest reply token among the event and the messages its turn answered with it (Turn.replyToken). */
    private static final String TOKEN = """
            SELECT e.payload->>'replyToken', e.received_at FROM inbound_events e
            WHERE e.tenant_id = ? AND e.payload->>'replyToken' IS NOT NULL
              AND (e.id = ? OR e.id IN (SELECT a.id FROM messages a WHERE a.tenant_id = ? AND a.conversation_id = ?
                                          AND a.answered_by = ?))
            ORDER BY e.received_at DESC, e.id DESC LIMIT 1""";

    private final DataSource dataSource;
    private final JobQueue queue;
    private final JsonMapper json;

    UnsentReplies(DataSource dataSource, JobQueue queue, JsonMapper json) {
        this.dataSource = dataSource; // transaction-aware: joins the intake's transaction
        this.queue = queue;
        this.json = json;
    }

    /** Inside the tenant's write transaction: enqueues the send of {@code event}'s reply if it is still queued. */
    void resume(TenantId tenant, UUID eventId, InboundEvent event) {
        try {
            Connection connection = dataSource.getConnection();
            UUID conversationId;
            List<UUID> ids;
            try (PreparedStatement reply = connection.prepareStatement(REPLY)) {
                reply.setObject(1, tenant.value());
                reply.setObject(2, eventId);
                try (ResultSet row = reply.executeQuery()) {
                    if (!row.next() || !row.getBoolean(3)) {
                        return; // answered by another turn's reply, or sent
                    }
                    conversationId = row.getObject(1, UUID.class);
                    Array array = row.getArray(2);
                    ids = new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
                }
            }
            String token = null;
            Instant receivedAt = null;
            try (PreparedStatement latest = connection.prepareStatement(TOKEN)) {
                latest.setObject(1, tenant.value());
                latest.setObject(2, eventId);
                latest.setObject(3, tenant.value());
                latest.setObject(4, conversationId);
                latest.setObject(5, eventId);
                try (ResultSet row = latest.executeQuery()) {
                    if (row.next()) {
                        token = row.getString(1);
                        Timestamp at = row.getTimestamp(2);
                        receivedAt = at == null ? null : at.toInstant();
                    }
                }
            }
            queue.enqueue(tenant, new OutboundSendArgs(conversationId, ids, token, receivedAt)
                    .job(event.sendKey(), json));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the reply of event " + eventId, e);
        }
    }
}
