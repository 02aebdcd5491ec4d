package io.parley.worker.outbound.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Live hints to a web chat session's streams, beside its stored replies: the bot is composing a reply, stopped
 * without one, or here is the next piece of the reply it is writing (docs/web-chat.md "Typing and streaming").
 * Each goes out at once with {@code NOTIFY parley_webchat} in a transaction of its own (hints belong to no data
 * change, and a delta must not wait for the turn's commit). Calls from one thread are heard in order: each
 * transaction commits before the next starts, and PostgreSQL delivers notifications in commit order.
 *
 * <p>Advisory and best effort: a failed hint is logged and dropped; the reply itself still arrives as a message,
 * exactly once, and a reconnecting widget gets that message (hints are not replayed).
 */
@Singleton
public final class WebChatLive {

    /** Characters of one delta: 2000 UTF-16 units are at most 6000 bytes of UTF-8, under NOTIFY's 8000. */
    public static final int MAX_DELTA_CHARS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(WebChatLive.class);
    /** Never part of a caller's transaction: a hint goes out now, whatever the caller's transaction does. */
    private static final TransactionDefinition NEW = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    WebChatLive(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    /** The bot started on the reply to the inbound event {@code replyTo}. */
    public void composing(TenantId tenant, UUID channelId, String sessionId, UUID replyTo) {
        send(new WebChatNotice(tenant.value(), channelId, sessionId, null, WebChatNotice.COMPOSING,
                replyTo.toString(), null, null));
    }

    /** The bot stopped composing without a reply (e.g. a person took the conversation over meanwhile). */
    public void idle(TenantId tenant, UUID channelId, String sessionId, UUID replyTo) {
        send(new WebChatNotice(tenant.value(), channelId, sessionId, null, WebChatNotice.IDLE, replyTo.toString(),
                null, null));
    }

    /**
     * A piece of the reply being written: {@code text} goes at UTF-16 {@code offset} of it (0 starts it over, e.g.
     * after a retried LLM call). Longer text is sent as several deltas.
     */
    public void delta(TenantId tenant, UUID channelId, String sessionId, UUID replyTo, int offset, String text) {
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(text.length(), start + MAX_DELTA_CHARS);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair (an emoji) between two notices
            }
            send(new WebChatNotice(tenant.value(), channelId, sessionId, null, WebChatNotice.DELTA,
                    replyTo.toString(), offset + start, text.substring(start, end)));
            start = end;
        }
    }

    private void send(WebChatNotice notice) {
        try {
            String payload = json.writeValueAsString(notice);
            transactions.execute(NEW, status -> {
                try (PreparedStatement notify = status.getConnection().prepareStatement("SELECT pg_notify(?, ?)")) {
                    notify.setString(1, WebChatNotice.CHANNEL);
                    notify.setString(2, payload);
                    notify.execute();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            LOG.debug("Web chat hint {} not sent: {}", notice.kind(), e.getMessage());
        }
    }
}
