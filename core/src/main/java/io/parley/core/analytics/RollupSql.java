package io.parley.core.analytics;

/**
 * The rollup statements ({@link AnalyticsRollup}). The hourly ones read the raw rows of one tenant from
 * {@code :from} on (found by id from {@code :lowest}) and write one row per bucket ({@code date_bin} of an hour from
 * {@code :origin}), metric, bot, channel and dimension; the daily ones sum the hourly rows per local day. Metric
 * definitions: docs/analytics.md.
 */
final class RollupSql {

    private static final String BUCKET = "date_bin(interval '1 hour', %s, CAST(:origin AS timestamptz))";

    /**
     * Keeps the buckets the refresh recomputes: every one from {@code :from} on ({@code :every}), or only those in
     * {@code :buckets} (an array literal of the buckets whose raw rows changed since the last refresh).
     */
    private static final String TOUCHED = "(CAST(:every AS boolean) OR s.b = ANY(CAST(:buckets AS timestamptz[])))";

    /** Keeps the hourly rows of the local days summed again: all from {@code :dayStart}, or those in {@code :days}. */
    private static final String TOUCHED_DAYS = " AND (CAST(:everyDay AS boolean)"
            + " OR CAST(%1$s.bucket AT TIME ZONE :tz AS date) = ANY(CAST(:days AS date[])))";

    /**
     * The hourly buckets holding raw rows that the last refresh's snapshot ({@code :snapshot}) could not see:
     * inserted or updated since (an update writes a new row version, so a later delivery status counts), or
     * committed late; new contacts too (a contact imported without a message joins its cohort). A row's
     * {@code xmin} is a 32-bit transaction id; it is widened to the 64-bit {@code xid8} against the current
     * snapshot's horizon (rows of the lookback window are far younger than 2^31 transactions).
     */
    static final String CHANGED_BUCKETS = """
            WITH horizon AS (SELECT CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text) AS bigint) AS x)
            SELECT DISTINCT r.b
            FROM (
                SELECT %1$s AS b, m.xmin AS x FROM messages m
                WHERE m.tenant_id = :t AND m.id >= :lowest AND m.id < :highest
                  AND m.created_at >= :from AND m.created_at < :until
              UNION ALL
                SELECT %2$s, c.xmin FROM conversations c
                WHERE c.tenant_id = :t AND c.id >= :lowest AND c.id < :highest
                  AND c.created_at >= :from AND c.created_at < :until
              UNION ALL
                SELECT %3$s, u.xmin FROM llm_usage u
                WHERE u.tenant_id = :t AND u.id >= :lowest AND u.id < :highest
                  AND u.created_at >= :from AND u.created_at < :until
              UNION ALL
                SELECT %4$s, h.xmin FROM conversation_handoffs h
                WHERE h.tenant_id = :t AND h.id >= :lowest AND h.id < :highest
                  AND h.created_at >= :from AND h.created_at < :until
              UNION ALL
                SELECT %5$s, f.xmin FROM flow_fires f
                WHERE f.tenant_id = :t AND f.id >= :lowest AND f.id < :highest
                  AND f.created_at >= :from AND f.created_at < :until
              UNION ALL
                SELECT %6$s, k.xmin FROM contacts k
                WHERE k.tenant_id = :t AND k.id >= :lowest AND k.id < :highest
                  AND k.created_at >= :from AND k.created_at < :until
            ) r CROSS JOIN horizon
            WHERE NOT pg_visible_in_snapshot(CAST(CAST(horizon.x - ((horizon.x %% 4294967296
                    - CAST(CAST(r.x AS text) AS bigint) + 4294967296) %% 4294967296) AS text) AS xid8),
                CAST(:snapshot AS pg_snapshot))
            ORDER BY 1""".formatted(bucket("m.created_at"), bucket("c.created_at"), bucket("u.created_at"),
            bucket("h.created_at"), bucket("f.created_at"), bucket("k.created_at"));

    private static String bucket(String column) {
        return BUCKET.formatted(column);
    }

    private static String bin(String ms) {
        return LatencyBins.SQL.formatted(ms);
    }

    /** Every counter of {@code analytics_counts}. Cost is read defensively: a NULL cost (unpriced) counts 0. */
    static final String COUNTS = """
            INSERT INTO analytics_counts (tenant_id, bucket, metric, bot_id, channel_id, dimension, value)
            SELECT :t, b, metric, bot_id, channel_id, coalesce(dimension, ''), sum(v)
            FROM (
                SELECT %1$s AS b, c.bot_id, c.channel_id, x.metric, x.dimension, x.v
                FROM messages m
                JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
                CROSS JOIN LATERAL (VALUES
                    (CASE WHEN m.direction = 'inbound' THEN 'messages_in' ELSE 'messages_out' END,
                     CASE WHEN m.direction = 'inbound' THEN m.sender
                          WHEN m.sender = 'bot' THEN 'bot_' || coalesce(m.payload ->> 'origin', 'llm')
                          ELSE m.sender END, CAST(1 AS bigint)),
                    (CASE WHEN m.direction = 'outbound' THEN 'delivery' END, m.status, 1),
                    (CASE WHEN m.direction = 'outbound' AND m.status = 'failed' THEN 'failure' END,
                     left(coalesce(nullif(trim(split_part(m.status_detail, ':', 1)), ''), 'unknown'), 64), 1),
                    (CASE WHEN m.direction = 'inbound' AND m.payload ->> 'postbackData' IS NOT NULL THEN 'button' END,
                     left(m.payload ->> 'postbackData', 100), 1),
                    (CASE WHEN m.send_mode IS NOT NULL THEN 'line_send' END, m.send_mode, 1)
                ) AS x(metric, dimension, v)
                WHERE m.tenant_id = :t AND m.id >= :lowest AND m.id < :highest
                  AND m.created_at >= :from AND m.created_at < :until AND x.metric IS NOT NULL
              UNION ALL
                SELECT %2$s, c.bot_id, c.channel_id, 'conversations_started', '', 1
                FROM conversations c
                WHERE c.tenant_id = :t AND c.id >= :lowest AND c.id < :highest
                  AND c.created_at >= :from AND c.created_at < :until
              UNION ALL
                SELECT %3$s, u.bot_id, coalesce(c.channel_id, :none), x.metric, x.dimension, x.v
                FROM llm_usage u
                LEFT JOIN conversations c ON c.tenant_id = u.tenant_id AND c.id = u.conversation_id
                CROSS JOIN LATERAL (VALUES
                    ('llm_calls', u.outcome, CAST(1 AS bigint)),
                    ('llm_prompt_tokens', '', CAST(u.prompt_tokens AS bigint)),
                    ('llm_completion_tokens', '', CAST(u.completion_tokens AS bigint)),
                    ('llm_cost_micros', '', coalesce(CAST(u.cost_micros AS bigint), 0))
                ) AS x(metric, dimension, v)
                WHERE u.tenant_id = :t AND u.id >= :lowest AND u.id < :highest
                  AND u.created_at >= :from AND u.created_at < :until
              UNION ALL
                SELECT %4$s, c.bot_id, c.channel_id, 'handoffs', h.kind, 1
                FROM conversation_handoffs h
                JOIN conversations c ON c.tenant_id = h.tenant_id AND c.id = h.conversation_id
                WHERE h.tenant_id = :t AND h.id >= :lowest AND h.id < :highest
                  AND h.created_at >= :from AND h.created_at < :until
              UNION ALL
                SELECT %5$s, c.bot_id, c.channel_id, 'flow_fired', CAST(f.flow_id AS text), 1
                FROM flow_fires f
                JOIN conversations c ON c.tenant_id = f.tenant_id AND c.id = f.conversation_id
                WHERE f.tenant_id = :t AND f.id >= :lowest AND f.id < :highest
                  AND f.created_at >= :from AND f.created_at < :until
              UNION ALL
                SELECT %1$s, c.bot_id, c.channel_id, 'moderation_flagged', x.category, 1
                FROM messages m
                JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
                CROSS JOIN LATERAL jsonb_array_elements_text(
                    coalesce(m.payload -> 'moderation' -> 'categories', CAST('[]' AS jsonb))) AS x(category)
                WHERE m.tenant_id = :t AND m.id >= :lowest AND m.id < :highest
                  AND m.created_at >= :from AND m.created_at < :until
                  AND m.payload -> 'moderation' IS NOT NULL
            ) s
            WHERE %6$s
            GROUP BY b, metric, bot_id, channel_id, coalesce(dimension, '')""".formatted(
            bucket("m.created_at"), bucket("c.created_at"), bucket("u.created_at"), bucket("h.created_at"),
            bucket("f.created_at"), TOUCHED);

    /**
     * The latency histograms, one row per bucket, metric, bot and channel: the bins used (ascending) and their
     * counts ({@link LatencyBins}).
     */
    static final String LATENCY = """
            INSERT INTO analytics_latency_hours (tenant_id, bucket, metric, bot_id, channel_id, bins, counts)
            SELECT :t, b, metric, bot_id, channel_id, array_agg(bin ORDER BY bin), array_agg(n ORDER BY bin)
            FROM (
                SELECT b, metric, bot_id, channel_id, bin, count(*) AS n
                FROM (
                    SELECT %1$s AS b, c.bot_id, c.channel_id, 'reply_latency' AS metric, %2$s AS bin
                    FROM messages r
                    JOIN inbound_events e ON e.tenant_id = r.tenant_id AND e.id = r.reply_to
                    JOIN conversations c ON c.tenant_id = r.tenant_id AND c.id = r.conversation_id
                    WHERE r.tenant_id = :t AND r.id >= :lowest AND r.id < :highest
                      AND r.created_at >= :from AND r.created_at < :until
                      AND r.reply_to IS NOT NULL AND r.sent_at IS NOT NULL
                  UNION ALL
                    SELECT %3$s, u.bot_id, coalesce(c.channel_id, :none), 'llm_latency', %4$s
                    FROM llm_usage u
                    LEFT JOIN conversations c ON c.tenant_id = u.tenant_id AND c.id = u.conversation_id
                    WHERE u.tenant_id = :t AND u.id >= :lowest AND u.id < :highest
                      AND u.created_at >= :from AND u.created_at < :until
                ) s
                WHERE %5$s
                GROUP BY 1, 2, 3, 4, 5
            ) g
            GROUP BY b, metric, bot_id, channel_id""".formatted(
            bucket("r.created_at"), bin("floor(extract(epoch FROM r.sent_at - e.received_at) * 1000)"),
            bucket("u.created_at"), bin("u.latency_ms"), TOUCHED);

    /** Who was active in each bucket, with their messages and LLM cost. */
    static final String CONTACT_HOURS = """
            INSERT INTO analytics_contact_hours (tenant_id, bucket, bot_id, channel_id, contact_id, messages_in,
                messages_out, llm_calls, llm_cost_micros)
            SELECT :t, b, bot_id, channel_id, contact_id, sum(i), sum(o), sum(calls), sum(cost)
            FROM (
                SELECT %1$s AS b, c.bot_id, c.channel_id, c.contact_id,
                       CAST(m.direction = 'inbound' AS integer) AS i, CAST(m.direction = 'outbound' AS integer) AS o,
                       0 AS calls, CAST(0 AS bigint) AS cost
                FROM messages m
                JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
                WHERE m.tenant_id = :t AND m.id >= :lowest AND m.id < :highest
                  AND m.created_at >= :from AND m.created_at < :until
              UNION ALL
                SELECT %2$s, u.bot_id, c.channel_id, c.contact_id, 0, 0, 1, coalesce(CAST(u.cost_micros AS bigint), 0)
                FROM llm_usage u
                JOIN conversations c ON c.tenant_id = u.tenant_id AND c.id = u.conversation_id
                WHERE u.tenant_id = :t AND u.id >= :lowest AND u.id < :highest
                  AND u.created_at >= :from AND u.created_at < :until
            ) s
            WHERE %3$s
            GROUP BY b, bot_id, channel_id, contact_id""".formatted(bucket("m.created_at"), bucket("u.created_at"),
            TOUCHED);

    /**
     * The distinct entities active in each bucket (from its contact-hours, for the four scopes of {@link DistinctSql}):
     * contacts and conversations with messages from the contact, and the contacts first seen in that bucket. The
     * entities are made distinct first, bucket first (the contact-hours' key order: one small sort per bucket), then
     * counted: a {@code count(DISTINCT (entity, contact))} per group sorted records again inside each group
     * (2.3–2.8 s against 1.6 s for a two-week slice of the 2 M-message benchmark, bench/README.md).
     */
    static final String ACTIVE_HOURS = """
            INSERT INTO analytics_active_hours (tenant_id, kind, bot_id, channel_id, bucket, entities, new_entities)
            SELECT :t, e.kind, e.bot_id, e.channel_id, e.bucket, count(*),
                   count(*) FILTER (WHERE e.kind = 'contact' AND e.new)
            FROM (
                SELECT DISTINCT h.bucket, k.kind, s.bot_id, s.channel_id, k.entity, h.contact_id,
                       %1$s = h.bucket AS new
                FROM analytics_contact_hours h
                LEFT JOIN contacts c ON c.tenant_id = h.tenant_id AND c.id = h.contact_id
                %2$s
                CROSS JOIN LATERAL (VALUES ('contact', CAST(:none AS uuid)), ('conversation', h.channel_id))
                    AS k(kind, entity)
                WHERE h.tenant_id = :t AND h.bucket >= :first AND h.bucket < :until AND h.messages_in > 0
                  AND (CAST(:every AS boolean) OR h.bucket = ANY(CAST(:buckets AS timestamptz[])))
            ) e
            GROUP BY e.kind, e.bot_id, e.channel_id, e.bucket""".formatted(bucket("c.created_at"),
            DistinctSql.SCOPES);

    /*
     * The daily rollups: the local days (in :tz) of the hourly rows from :dayStart on, summed. Buckets are aligned
     * on the zone, so the local date of a bucket's start is the day the whole bucket belongs to. A new counter needs
     * only its branch in COUNTS: the daily rows of every metric follow.
     */

    private static final String DAY = "CAST(%s.bucket AT TIME ZONE :tz AS date)";

    static final String COUNT_DAYS = """
            INSERT INTO analytics_count_days (tenant_id, day, metric, bot_id, channel_id, dimension, value)
            SELECT :t, %s, a.metric, a.bot_id, a.channel_id, a.dimension, sum(a.value)
            FROM analytics_counts a
            WHERE a.tenant_id = :t AND a.bucket >= :dayStart AND a.bucket < :dayEnd%s
            GROUP BY 2, 3, 4, 5, 6""".formatted(DAY.formatted("a"), TOUCHED_DAYS.formatted("a"));

    static final String LATENCY_DAYS = """
            INSERT INTO analytics_latency_days (tenant_id, day, metric, bot_id, channel_id, bins, counts)
            SELECT :t, day, metric, bot_id, channel_id, array_agg(bin ORDER BY bin), array_agg(n ORDER BY bin)
            FROM (
                SELECT %s AS day, h.metric, h.bot_id, h.channel_id, x.bin, CAST(sum(x.n) AS bigint) AS n
                FROM analytics_latency_hours h CROSS JOIN LATERAL unnest(h.bins, h.counts) AS x(bin, n)
                WHERE h.tenant_id = :t AND h.bucket >= :dayStart AND h.bucket < :dayEnd%s
                GROUP BY 1, 2, 3, 4, 5
            ) s
            GROUP BY day, metric, bot_id, channel_id""".formatted(DAY.formatted("h"), TOUCHED_DAYS.formatted("h"));

    static final String CONTACT_DAYS = """
            INSERT INTO analytics_contact_days (tenant_id, day, bot_id, channel_id, contact_id, messages_in,
                messages_out, llm_calls, llm_cost_micros)
            SELECT :t, %s, h.bot_id, h.channel_id, h.contact_id, sum(h.messages_in), sum(h.messages_out),
                   sum(h.llm_calls), sum(h.llm_cost_micros)
            FROM analytics_contact_hours h
            WHERE h.tenant_id = :t AND h.bucket >= :dayStart AND h.bucket < :dayEnd%s
            GROUP BY 2, 3, 4, 5""".formatted(DAY.formatted("h"), TOUCHED_DAYS.formatted("h"));

    /** The hourly tables, then the daily ones (each table's rows from :first / :firstDay on are replaced). */
    static final java.util.List<String> HOURLY_TABLES = java.util.List.of("analytics_counts", "analytics_latency_hours",
            "analytics_contact_hours", "analytics_active_hours");
    static final java.util.List<String> DAILY_TABLES = java.util.List.of("analytics_count_days",
            "analytics_latency_days", "analytics_contact_days");

    private RollupSql() {
    }
}
