package io.parley.api.analytics;

import io.parley.core.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a tenant's past straight into the raw tables, at chosen times, as the superuser: contacts, conversations,
 * inbound events, messages (UUIDv7 ids of their own time, as the pipeline makes them), LLM calls and hand-offs.
 */
final class History {

    private final UUID tenant;
    private final UUID bot;
    private final UUID channel;

    History(UUID tenant, UUID bot, UUID channel) {
        this.tenant = tenant;
        this.bot = bot;
        this.channel = channel;
    }

    /** A contact first seen at {@code at}, and its conversation on the channel (started then too). */
    Talk contact(String name, Instant at) {
        UUID contact = idAt(at);
        UUID conversation = idAt(at);
        update("INSERT INTO contacts (tenant_id, id, display_name, created_at) VALUES (?, ?, ?, ?)",
                tenant, contact, name, Timestamp.from(at));
        update("INSERT INTO conversations (tenant_id, id, bot_id, channel_id, contact_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", tenant, conversation, bot, channel, contact, Timestamp.from(at));
        return new Talk(contact, conversation);
    }

    /** One contact's conversation: what it said and what it was answered. */
    final class Talk {
        final UUID contact;
        final UUID conversation;

        Talk(UUID contact, UUID conversation) {
            this.contact = contact;
            this.conversation = conversation;
        }

        /** A message from the contact received at {@code at}; returns its inbound event id. */
        UUID says(Instant at) {
            return says(at, "{}");
        }

        UUID says(Instant at, String payload) {
            UUID event = idAt(at);
            update("INSERT INTO inbound_events (tenant_id, id, channel_id, provider_event_id, kind, payload, "
                    + "received_at) VALUES (?, ?, ?, ?, 'message', '{}'::jsonb, ?)", tenant, event, channel,
                    event.toString(), Timestamp.from(at));
            update("INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, payload, "
                    + "status, created_at) VALUES (?, ?, ?, 'inbound', 'contact', 'text', 'hi', CAST(? AS jsonb), "
                    + "'received', ?)", tenant, idAt(at), conversation, payload, Timestamp.from(at));
            return event;
        }

        /** The bot's answer to {@code event}, written at {@code at} by {@code origin}, sent {@code after} it. */
        void answered(UUID event, Instant at, String origin, Duration sentAfterReceipt, String status,
                      String detail) {
            Instant received = Instant.ofEpochMilli(event.getMostSignificantBits() >>> 16);
            update("INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, payload, "
                    + "status, status_detail, created_at, sent_at, reply_to) VALUES (?, ?, ?, 'outbound', 'bot', "
                    + "'text', 'answer', CAST(? AS jsonb), ?, ?, ?, ?, ?)", tenant, idAt(at), conversation,
                    "{\"origin\":\"" + origin + "\",\"replyTo\":\"" + event + "\"}", status, detail,
                    Timestamp.from(at), Timestamp.from(received.plus(sentAfterReceipt)), event);
        }

        void agentWrites(Instant at) {
            update("INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, payload, "
                    + "status, created_at, sent_at) VALUES (?, ?, ?, 'outbound', 'agent', 'text', 'human here', "
                    + "'{}'::jsonb, 'sent', ?, ?)", tenant, idAt(at), conversation, Timestamp.from(at),
                    Timestamp.from(at));
        }

        void llmCall(Instant at, String outcome, int latencyMs, int promptTokens, int completionTokens,
                     long costMicros) {
            update("INSERT INTO llm_usage (tenant_id, id, bot_id, contact_id, conversation_id, provider, model, "
                    + "prompt_tokens, completion_tokens, latency_ms, outcome, cost_micros, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, 'openai-compatible', 'gpt-test', ?, ?, ?, ?, ?, ?)", tenant, idAt(at),
                    bot, contact, conversation, promptTokens, completionTokens, latencyMs, outcome, costMicros,
                    Timestamp.from(at));
        }

        void handedOff(Instant at, String kind) {
            update("INSERT INTO conversation_handoffs (tenant_id, id, conversation_id, kind, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", tenant, idAt(at), conversation, kind, Timestamp.from(at));
        }
    }

    /** A UUIDv7 of the millisecond {@code at} (RFC 9562 §5.7), random in the rest. */
    static UUID idAt(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (at.toEpochMilli() << 16) | 0x7000L | random.nextLong(0x1000);
        long low = 0x8000000000000000L | (random.nextLong() & 0x3FFFFFFFFFFFFFFFL);
        return new UUID(high, low);
    }

    static UUID botOf(UUID channel) {
        var database = TestDatabase.shared();
        try (Connection connection = DriverManager.getConnection(database.database().jdbcUrl(),
                database.superuser().username(), database.superuser().password());
             PreparedStatement statement = connection.prepareStatement("SELECT bot_id FROM channels WHERE id = ?")) {
            statement.setObject(1, channel);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getObject(1, UUID.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void update(String sql, Object... parameters) {
        var database = TestDatabase.shared();
        try (Connection connection = DriverManager.getConnection(database.database().jdbcUrl(),
                database.superuser().username(), database.superuser().password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
