package io.parley.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * Generates a tenant's history straight into the raw tables with {@code generate_series}, as the superuser:
 * contacts first seen over the whole span, one conversation each, messages in pairs (the contact's, then the bot's
 * answer with its inbound event, reply time and delivery status), an LLM call for every other answer, and a
 * hand-off in one conversation of 50. Ids are UUIDv7 of each row's time, as Parley makes them, so the rollup job
 * finds the rows by id like in production.
 *
 * <p>Fast enough for 10 M messages in minutes ({@link BulkLoad}): a few big server-side statements, the tables'
 * secondary indexes dropped before and built again after (one sort each instead of ten million insertions, the
 * text bigram GIN index above all), foreign keys not checked row by row (the rows are consistent by construction;
 * the constraints stay), checkpoints spaced out during the load only.
 */
final class AnalyticsData {

    /** The tables written below, whose secondary indexes are built after the load. */
    private static final List<String> TABLES = List.of("contacts", "conversations", "inbound_events", "messages",
            "llm_usage", "conversation_handoffs");

    private AnalyticsData() {
    }

    static void generate(Connection connection, UUID tenant, UUID bot, UUID channel, long messages, long contacts,
                         int days) throws SQLException {
        long pairs = messages / 2;
        try (Statement sql = connection.createStatement(); BulkLoad load = BulkLoad.start(connection, TABLES)) {
            sql.execute("""
                    CREATE OR REPLACE FUNCTION pg_temp.uuid7_at(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
                      SELECT encode(set_byte(overlay(b PLACING substring(int8send(floor(extract(epoch FROM at) * 1000)::bigint)
                             FROM 3) FROM 1 FOR 6), 6, (get_byte(b, 6) & 15) | 112), 'hex')::uuid
                      FROM (SELECT uuid_send(gen_random_uuid()) AS b) r $$""");
            sql.execute("SET synchronous_commit = off");
            // temp tables in memory (set before the first one), sorts in memory
            sql.execute("SET temp_buffers = '2GB'");
            sql.execute("SET work_mem = '512MB'");
            sql.execute("SET maintenance_work_mem = '1GB'");
            sql.execute("SELECT set_config('parley.bench_span', '" + days + " days', false)");
            // contacts: first seen uniformly over the span (a contact's index orders its first-seen time)
            sql.execute("""
                    CREATE TEMP TABLE bench_contacts AS
                    SELECT i, seen, pg_temp.uuid7_at(seen) AS contact, pg_temp.uuid7_at(seen) AS conversation
                    FROM (SELECT i, now() - interval '%1$d days' + (interval '%1$d days') * (i::float8 / %2$d) AS seen
                          FROM generate_series(0, %2$d - 1) i) g""".formatted(days, contacts));
            sql.execute("CREATE INDEX ON bench_contacts (i)");
            sql.execute(("INSERT INTO contacts (tenant_id, id, display_name, created_at) "
                    + "SELECT '%s', contact, 'Contact ' || i, seen FROM bench_contacts").formatted(tenant));
            sql.execute(("INSERT INTO conversations (tenant_id, id, bot_id, channel_id, contact_id, created_at) "
                    + "SELECT '%s', conversation, '%s', '%s', contact, seen FROM bench_contacts")
                    .formatted(tenant, bot, channel));
            // message pairs: a contact (skewed: low indexes talk more), a time between its first-seen and now; in
            // time order, so that the inserts below append to the time-ordered primary keys instead of splitting
            // pages all over them
            sql.execute("""
                    CREATE TEMP TABLE bench_pairs AS
                    SELECT t.*, pg_temp.uuid7_at(at) AS event FROM (
                        SELECT picks.p, c.contact, c.conversation, c.seen + (now() - c.seen) * picks.r AS at,
                               (200 + floor(random() * random() * 4000))::int AS reply_ms
                        FROM (SELECT p, floor(%d * random() * random())::bigint AS ci, random() AS r
                              FROM generate_series(1, %d) p) picks
                        JOIN bench_contacts c ON c.i = picks.ci) t
                    ORDER BY at""".formatted(contacts, pairs));
            sql.execute(("INSERT INTO inbound_events (tenant_id, id, channel_id, provider_event_id, kind, payload, "
                    + "received_at) SELECT '%s', event, '%s', event::text, 'message', '{}', at FROM bench_pairs")
                    .formatted(tenant, channel));
            sql.execute(("INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, payload, "
                    + "status, created_at) SELECT '%s', pg_temp.uuid7_at(at), conversation, 'inbound', 'contact', 'text', "
                    + "'hello', CASE WHEN p %% 20 = 0 THEN '{\"postbackData\":\"menu:' || p %% 5 || '\"}' ELSE '{}' END::jsonb, "
                    + "'received', at FROM bench_pairs").formatted(tenant));
            sql.execute(("INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, payload, "
                    + "status, status_detail, created_at, sent_at, reply_to) "
                    + "SELECT '%s', pg_temp.uuid7_at(at + interval '1 second'), conversation, 'outbound', 'bot', 'text', "
                    + "'answer', jsonb_build_object('origin', CASE WHEN p %% 3 = 0 THEN 'flow' ELSE 'llm' END, "
                    + "'replyTo', event), CASE WHEN p %% 100 = 0 THEN 'failed' WHEN p %% 2 = 0 THEN 'read' ELSE 'delivered' END, "
                    + "CASE WHEN p %% 100 = 0 THEN '131047: Re-engagement message' END, at + interval '1 second', "
                    + "at + reply_ms * interval '1 millisecond', event FROM bench_pairs").formatted(tenant));
            sql.execute(("INSERT INTO llm_usage (tenant_id, id, bot_id, contact_id, conversation_id, provider, model, "
                    + "prompt_tokens, completion_tokens, latency_ms, outcome, cost_micros, created_at) "
                    + "SELECT '%s', pg_temp.uuid7_at(at), '%s', contact, conversation, 'openai-compatible', 'gpt-4o-mini', "
                    + "300 + p %% 500, 40 + p %% 120, reply_ms - 150, CASE WHEN p %% 50 = 0 THEN 'timeout' ELSE 'ok' END, "
                    + "(300 + p %% 500) * 150 / 1000 + (40 + p %% 120) * 600 / 1000, at FROM bench_pairs WHERE p %% 3 <> 0")
                    .formatted(tenant, bot));
            sql.execute(("INSERT INTO conversation_handoffs (tenant_id, id, conversation_id, kind, created_at) "
                    + "SELECT '%s', pg_temp.uuid7_at(at + interval '2 seconds'), conversation, 'flow', "
                    + "at + interval '2 seconds' FROM bench_pairs WHERE p %% 50 = 0").formatted(tenant));
            sql.execute("DROP TABLE bench_pairs");
            sql.execute("DROP TABLE bench_contacts");
            load.finish();
        }
    }
}
