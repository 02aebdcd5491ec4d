package io.parley.core.alert;

import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant in a time zone with one bot, a LINE channel and one contact's conversation, and the raw rows the alert
 * rules read (LLM calls, hand-offs, agent replies), written as the database superuser at chosen times.
 */
record AlertData(TenantId tenant, UUID bot, UUID channel, UUID conversation) {

    static AlertData create(String timeZone) {
        UUID tenant = Ids.next();
        UUID bot = Ids.next();
        UUID channel = Ids.next();
        UUID contact = Ids.next();
        UUID conversation = Ids.next();
        sql("INSERT INTO tenants (id, name, time_zone) VALUES (?, 'Alert Co', ?)", tenant, timeZone);
        sql("INSERT INTO bots (tenant_id, id, name) VALUES (?, ?, 'Helper')", tenant, bot);
        sql("INSERT INTO channels (tenant_id, id, bot_id, type, name) VALUES (?, ?, ?, 'line', 'Shop LINE')",
                tenant, channel, bot);
        sql("INSERT INTO contacts (tenant_id, id, display_name) VALUES (?, ?, 'Mei')", tenant, contact);
        sql("INSERT INTO conversations (tenant_id, id, bot_id, channel_id, contact_id) VALUES (?, ?, ?, ?, ?)",
                tenant, conversation, bot, channel, contact);
        return new AlertData(new TenantId(tenant), bot, channel, conversation);
    }

    UUID rule(String kind, boolean enabled, Long costMicros, Integer failurePercent, Integer windowMinutes,
              Integer minCalls, Integer waitMinutes) {
        UUID id = Ids.next();
        sql("INSERT INTO alert_rules (tenant_id, id, kind, enabled, cost_micros, failure_percent, window_minutes, "
                + "min_calls, wait_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant.value(), id, kind, enabled,
                costMicros, failurePercent, windowMinutes, minCalls, waitMinutes);
        return id;
    }

    void llmCall(Instant at, String outcome, long costMicros) {
        sql("INSERT INTO llm_usage (tenant_id, id, bot_id, conversation_id, provider, model, latency_ms, outcome, "
                + "cost_micros, created_at) VALUES (?, ?, ?, ?, 'openai-compatible', 'gpt-test', 900, ?, ?, ?)",
                tenant.value(), Ids.next(), bot, conversation, outcome, costMicros, Timestamp.from(at));
    }

    UUID handoff(Instant at) {
        UUID id = Ids.next();
        sql("INSERT INTO conversation_handoffs (tenant_id, id, conversation_id, kind, created_at) "
                + "VALUES (?, ?, ?, 'flow', ?)", tenant.value(), id, conversation, Timestamp.from(at));
        return id;
    }

    void agentReply(Instant at) {
        sql("INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, status, created_at) "
                + "VALUES (?, ?, ?, 'outbound', 'agent', 'text', 'On it!', 'sent', ?)", tenant.value(), Ids.next(),
                conversation, Timestamp.from(at));
    }

    static long count(String sql, Object... values) {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = prepare(connection, sql, values);
             var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long notifications(String kind) {
        return count("SELECT count(*) FROM notifications WHERE tenant_id = ? AND kind = ?", tenant.value(), kind);
    }

    static void sql(String sql, Object... values) {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = prepare(connection, sql, values)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }
}
