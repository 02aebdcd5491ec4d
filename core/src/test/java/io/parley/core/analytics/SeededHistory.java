package io.parley.core.analytics;

import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A tenant's generated past, from a seed, written straight into the raw tables as the superuser: two bots (the
 * first with two channels), contacts first seen at random times of the span, each talking on one or two channels
 * a random number of times (inbound event and message; most answered by the bot, with a send time and a
 * status; an LLM call with a cost for some), UUIDv7 ids of each row's time as the pipeline makes them.
 */
record SeededHistory(TenantId tenant, List<UUID> bots, List<UUID> channels) {

    static SeededHistory create(String timeZone) {
        UUID tenant = id(Instant.now());
        List<UUID> bots = List.of(id(Instant.now()), id(Instant.now()));
        List<UUID> channels = List.of(id(Instant.now()), id(Instant.now()), id(Instant.now()));
        try (Connection connection = TestDatabase.shared().openSuperuserConnection()) {
            sql(connection, "INSERT INTO tenants (id, name, time_zone) VALUES (?, 'History Co', ?)", tenant,
                    timeZone);
            for (UUID bot : bots) {
                sql(connection, "INSERT INTO bots (tenant_id, id, name) VALUES (?, ?, 'Helper')", tenant, bot);
            }
            for (int i = 0; i < channels.size(); i++) {
                sql(connection, "INSERT INTO channels (tenant_id, id, bot_id, type, name) VALUES (?, ?, ?, 'line', ?)",
                        tenant, channels.get(i), bots.get(i == 2 ? 1 : 0), "LINE " + i);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new SeededHistory(new TenantId(tenant), bots, channels);
    }

    /** {@code contacts} contacts first seen in the {@code days} days before {@code end}, talking until then. */
    void generate(long seed, int contacts, int days, Instant end) {
        Random random = new Random(seed);
        long span = Duration.ofDays(days).toMillis();
        try (Connection connection = TestDatabase.shared().openSuperuserConnection()) {
            connection.setAutoCommit(false);
            for (int c = 0; c < contacts; c++) {
                Instant first = end.minusMillis(1 + (long) (random.nextDouble() * span));
                UUID contact = id(first);
                sql(connection, "INSERT INTO contacts (tenant_id, id, display_name, created_at) VALUES (?, ?, ?, ?)",
                        tenant.value(), contact, "C" + c, Timestamp.from(first));
                int talks = random.nextInt(3) == 0 ? 2 : 1;
                for (int k = 0; k < talks; k++) {
                    UUID channel = channels.get(random.nextInt(channels.size()));
                    UUID bot = bots.get(channel.equals(channels.get(2)) ? 1 : 0);
                    Instant started = k == 0 ? first : first.plusMillis((long) (random.nextDouble()
                            * Duration.between(first, end).toMillis()));
                    if (k == 1 && channel.equals(firstChannel(connection, contact))) {
                        continue; // one conversation per channel and contact
                    }
                    UUID conversation = id(started);
                    sql(connection, "INSERT INTO conversations (tenant_id, id, bot_id, channel_id, contact_id, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?)", tenant.value(), conversation, bot, channel,
                            contact, Timestamp.from(started));
                    talk(connection, random, bot, channel, contact, conversation, started, end);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void talk(Connection connection, Random random, UUID bot, UUID channel, UUID contact, UUID conversation,
                      Instant started, Instant end) throws SQLException {
        Instant at = started;
        int messages = 1 + random.nextInt(12);
        for (int m = 0; m < messages && at.isBefore(end); m++) {
            UUID event = id(at);
            sql(connection, "INSERT INTO inbound_events (tenant_id, id, channel_id, provider_event_id, kind, payload, "
                    + "received_at) VALUES (?, ?, ?, ?, 'message', '{}'::jsonb, ?)", tenant.value(), event, channel,
                    event.toString(), Timestamp.from(at));
            sql(connection, "INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, "
                    + "payload, status, created_at) VALUES (?, ?, ?, 'inbound', 'contact', 'text', 'hi', '{}'::jsonb, "
                    + "'received', ?)", tenant.value(), id(at), conversation, Timestamp.from(at));
            Instant answered = at.plusMillis(200 + random.nextInt(5000));
            if (random.nextInt(4) > 0 && answered.isBefore(end)) {
                String status = List.of("sent", "delivered", "read", "failed").get(random.nextInt(4));
                sql(connection, "INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, "
                        + "text, payload, status, status_detail, created_at, sent_at, reply_to) VALUES (?, ?, ?, "
                        + "'outbound', 'bot', 'text', 'answer', '{\"origin\":\"llm\"}'::jsonb, ?, ?, ?, ?, ?)",
                        tenant.value(), id(answered), conversation, status, status.equals("failed") ? "131047: x"
                                : null, Timestamp.from(answered), Timestamp.from(answered.plusMillis(50)), event);
                if (random.nextBoolean()) {
                    sql(connection, "INSERT INTO llm_usage (tenant_id, id, bot_id, contact_id, conversation_id, "
                            + "provider, model, prompt_tokens, completion_tokens, latency_ms, outcome, cost_micros, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, 'openai-compatible', 'gpt-test', ?, ?, ?, 'ok', ?, "
                            + "?)", tenant.value(), id(answered), bot, contact, conversation, 10 + random.nextInt(90),
                            5 + random.nextInt(50), 100 + random.nextInt(3000), 1 + random.nextInt(5000),
                            Timestamp.from(answered));
                }
            }
            // the next message minutes to weeks later: several in one hour, day or week, and long silences
            long gap = switch (random.nextInt(4)) {
                case 0 -> 60_000L + random.nextInt(3_000_000);
                case 1 -> 3_600_000L + random.nextInt(20) * 3_600_000L;
                case 2 -> 86_400_000L + random.nextInt(6) * 86_400_000L;
                default -> 7 * 86_400_000L + random.nextInt(40) * 86_400_000L;
            };
            at = at.plusMillis(gap);
        }
    }

    private UUID firstChannel(Connection connection, UUID contact) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT channel_id FROM conversations WHERE tenant_id = ? AND contact_id = ? LIMIT 1")) {
            statement.setObject(1, tenant.value());
            statement.setObject(2, contact);
            var rows = statement.executeQuery();
            return rows.next() ? rows.getObject(1, UUID.class) : null;
        }
    }

    /** Every row of the tenant's rollup tables, as text, in order: for comparing two builds of them. */
    List<String> rollupRows() {
        List<String> rows = new ArrayList<>();
        try (Connection connection = TestDatabase.shared().openSuperuserConnection()) {
            for (String table : List.of("analytics_counts", "analytics_latency_hours", "analytics_contact_hours",
                    "analytics_count_days", "analytics_latency_days", "analytics_contact_days",
                    "analytics_active_days", "analytics_retention")) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(r AS text) FROM "
                        + table + " r WHERE tenant_id = ? ORDER BY 1")) {
                    statement.setObject(1, tenant.value());
                    var result = statement.executeQuery();
                    while (result.next()) {
                        rows.add(table + " " + result.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static void sql(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    /** A UUIDv7 of the millisecond {@code at} (RFC 9562 §5.7), random in the rest. */
    static UUID id(Instant at) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (at.toEpochMilli() << 16) | 0x7000L | random.nextLong(0x1000);
        long low = 0x8000000000000000L | (random.nextLong() & 0x3FFFFFFFFFFFFFFFL);
        return new UUID(high, low);
    }
}
