package io.parley.worker.outbound.web;

import io.micronaut.json.JsonMapper;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The web chat channel's sender: there is no provider to call, the widget reads the session's stream
 * ({@code GET /chat/{widgetKey}/sessions/{sessionId}/stream}).
 */
@Singleton
public final class StreamingWebChatSender implements WebChatSender {

    private final MessageRepository messages;
    private final DataSource dataSource;
    private final JsonMapper json;

    StreamingWebChatSender(MessageRepository messages, DataSource dataSource, JsonMapper json) {
        this.messages = messages;
        this.dataSource = dataSource; // transaction-aware: NOTIFY joins the caller's transaction
        this.json = json;
    }

    /**
     * Call inside the tenant's write transaction (the outbound job's). Marks each queued message sent and announces
     * it with {@code NOTIFY parley_webchat}, which PostgreSQL delivers when that transaction commits — so a stream
     * never shows a message whose "sent" rolled back. Messages not in state queued (already sent by an earlier
     * attempt of the job) are skipped, so a retried job sends nothing twice.
     *
     * @return the ids of the messages sent now
     */
    @Override
    public List<UUID> deliver(TenantId tenant, UUID channelId, String sessionId, List<UUID> messageIds) {
        List<UUID> sent = new java.util.ArrayList<>();
        for (UUID messageId : messageIds) {
            if (messages.markSent(tenant.value(), messageId, null) == 1) {
                announce(new WebChatNotice(tenant.value(), channelId, sessionId, messageId));
                sent.add(messageId);
            }
        }
        return sent;
    }

    private void announce(WebChatNotice notice) {
        try (PreparedStatement notify = dataSource.getConnection().prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, WebChatNotice.CHANNEL);
            notify.setString(2, json.writeValueAsString(notice));
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not announce web chat message " + notice.messageId(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
