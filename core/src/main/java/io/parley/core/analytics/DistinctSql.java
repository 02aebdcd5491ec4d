package io.parley.core.analytics;

import java.util.List;

/**
 * The refresh statements of the precomputed distinct counts (docs/analytics.md, "Distinct counts"), run after the
 * contact-days of the local days from {@code :firstDay} on were summed again: they replace the rows of those days.
 * Every row exists once per scope — any bot and channel ({@code :none}), the bot, the channel, both — so a filtered
 * read is one index range.
 */
final class DistinctSql {

    /** The four scopes of a contact-day row {@code h}: (bot, channel), (bot, any), (any, channel), (any, any). */
    static final String SCOPES = """
            CROSS JOIN LATERAL (VALUES (h.bot_id, h.channel_id), (h.bot_id, CAST(:none AS uuid)),
                (CAST(:none AS uuid), h.channel_id), (CAST(:none AS uuid), CAST(:none AS uuid))) AS s(bot_id, channel_id)""";

    /**
     * Active days with each entity's previous active day in the same scope and kind, and the contact's first-seen
     * local day on its first one. {@code %2$s}: the entity's last active day before {@code :firstDay} (null if
     * none), {@code %3$s}: what it needs joined to {@code l} (an entity's days of the window).
     */
    private static final String ACTIVE_DAYS = """
            INSERT INTO analytics_active_days (tenant_id, kind, bot_id, channel_id, day, prev_day, created_day, entities)
            SELECT :t, kind, bot_id, channel_id, day, prev_day, created_day, count(*)
            FROM (
              SELECT x.*, CASE WHEN x.kind = 'contact' AND x.prev_day = '-infinity' THEN coalesce(
                         (SELECT CAST(c.created_at AT TIME ZONE :tz AS date) FROM contacts c
                          WHERE c.tenant_id = :t AND c.id = x.contact_id), '-infinity')
                     ELSE CAST('-infinity' AS date) END AS created_day
              FROM (
                SELECT l.kind, l.bot_id, l.channel_id, l.day, l.contact_id, coalesce(l.prev, %2$s,
                    '-infinity') AS prev_day
                FROM (
                    SELECT e.*, lag(e.day) OVER (PARTITION BY e.kind, e.bot_id, e.channel_id, e.entity, e.contact_id
                                                 ORDER BY e.day) AS prev
                    FROM (
                        SELECT DISTINCT k.kind, s.bot_id, s.channel_id, k.entity, h.contact_id, h.day
                        FROM analytics_contact_days h
                        %1$s
                        CROSS JOIN LATERAL (VALUES ('contact', CAST(:none AS uuid), h.messages_in > 0),
                            ('conversation', h.channel_id, h.messages_in > 0), ('contact_any', CAST(:none AS uuid), true),
                            ('conversation_any', h.channel_id, true)) AS k(kind, entity, counted)
                        WHERE h.tenant_id = :t AND h.day >= :firstDay AND h.day <= :lastDay AND k.counted
                    ) e
                ) l
                %3$s
              ) x
            ) y
            GROUP BY kind, bot_id, channel_id, day, prev_day, created_day""";

    /**
     * An incremental refresh: the previous active day before the window looked up among the contact's
     * contact-days (the contact index), once per entity, kind and scope — few entities, recent days.
     */
    static final String ACTIVE_DAYS_LOOKED_UP = ACTIVE_DAYS.formatted(SCOPES, """
            (SELECT max(p.day) FROM analytics_contact_days p
                     WHERE p.tenant_id = :t AND p.contact_id = l.contact_id AND p.day < :firstDay
                       AND (l.bot_id = :none OR p.bot_id = l.bot_id)
                       AND (l.channel_id = :none OR p.channel_id = l.channel_id)
                       AND (l.entity = :none OR p.channel_id = l.entity)
                       AND (l.kind IN ('contact_any', 'conversation_any') OR p.messages_in > 0))""", "");

    /**
     * A slice of a full rebuild: the previous active day before the slice from the last active days the slices
     * before carried forward ({@code analytics_rebuild_last}, one row per contact, bot and channel), spread to
     * every kind and scope and joined once, instead of an index lookup per entity, kind and scope among the
     * contact's contact-days.
     */
    static final String ACTIVE_DAYS_CARRIED = ACTIVE_DAYS.formatted(SCOPES, "c.day", """
            LEFT JOIN (
                    SELECT k.kind, s.bot_id, s.channel_id, k.entity, h.contact_id,
                           max(CASE WHEN k.all_activity THEN h.last_any ELSE h.last_in END) AS day
                    FROM analytics_rebuild_last h
                    %s
                    CROSS JOIN LATERAL (VALUES ('contact', CAST(:none AS uuid), false),
                        ('conversation', h.channel_id, false), ('contact_any', CAST(:none AS uuid), true),
                        ('conversation_any', h.channel_id, true)) AS k(kind, entity, all_activity)
                    WHERE h.tenant_id = :t AND h.contact_id IN (SELECT d.contact_id FROM analytics_contact_days d
                        WHERE d.tenant_id = :t AND d.day >= :firstDay AND d.day <= :lastDay)
                    GROUP BY 1, 2, 3, 4, 5
                ) c ON l.prev IS NULL AND c.kind = l.kind AND c.bot_id = l.bot_id AND c.channel_id = l.channel_id
                   AND c.entity = l.entity AND c.contact_id = l.contact_id""".formatted(SCOPES));

    /**
     * After a rebuild's slice: each contact's last active day (any activity, and with a message in) per bot and
     * channel, moved on to the slice's last ones. Slices run oldest first, so a later day replaces an earlier one.
     */
    static final String CARRY_FORWARD = """
            INSERT INTO analytics_rebuild_last AS r (tenant_id, contact_id, bot_id, channel_id, last_in, last_any)
            SELECT :t, h.contact_id, h.bot_id, h.channel_id, max(h.day) FILTER (WHERE h.messages_in > 0), max(h.day)
            FROM analytics_contact_days h
            WHERE h.tenant_id = :t AND h.day >= :firstDay AND h.day <= :lastDay
            GROUP BY h.contact_id, h.bot_id, h.channel_id
            ON CONFLICT (tenant_id, contact_id, bot_id, channel_id) DO UPDATE
                SET last_in = coalesce(EXCLUDED.last_in, r.last_in), last_any = EXCLUDED.last_any""";

    /** The contacts of each cohort day active 1, 7 and 30 days later, for the activity days from :firstDay on. */
    static final String RETENTION_DAYS = """
            INSERT INTO analytics_retention (tenant_id, unit, bot_id, channel_id, cohort, period, contacts)
            SELECT :t, 'day', bot_id, channel_id, cohort, period, count(DISTINCT contact_id)
            FROM (
                SELECT s.bot_id, s.channel_id, h.contact_id, f.cohort, h.day - f.cohort AS period
                FROM analytics_contact_days h
                JOIN LATERAL (SELECT CAST(c.created_at AT TIME ZONE :tz AS date) AS cohort FROM contacts c
                              WHERE c.tenant_id = :t AND c.id = h.contact_id) f ON true
                %s
                WHERE h.tenant_id = :t AND h.day >= :firstDay AND h.day <= :lastDay AND h.messages_in > 0
                  AND h.day - f.cohort IN (1, 7, 30)
            ) a
            GROUP BY bot_id, channel_id, cohort, period""".formatted(SCOPES);

    /** The contacts of each cohort day active in the 1st..8th ISO week after their first week, from :firstWeek on. */
    static final String RETENTION_WEEKS = """
            INSERT INTO analytics_retention (tenant_id, unit, bot_id, channel_id, cohort, period, contacts)
            SELECT :t, 'week', bot_id, channel_id, cohort, period, count(DISTINCT contact_id)
            FROM (
                SELECT s.bot_id, s.channel_id, h.contact_id, f.cohort,
                       (CAST(date_trunc('week', CAST(h.day AS timestamp)) AS date) - f.week) / 7 AS period
                FROM analytics_contact_days h
                JOIN LATERAL (SELECT CAST(c.created_at AT TIME ZONE :tz AS date) AS cohort,
                                     CAST(date_trunc('week', c.created_at AT TIME ZONE :tz) AS date) AS week
                              FROM contacts c WHERE c.tenant_id = :t AND c.id = h.contact_id) f ON true
                %s
                WHERE h.tenant_id = :t AND h.day >= :firstWeek AND h.day <= :lastDay AND h.messages_in > 0
            ) a
            WHERE period BETWEEN 1 AND 8
            GROUP BY bot_id, channel_id, cohort, period""".formatted(SCOPES);

    /** Cohort sizes: the contacts first seen on each local day from :firstDay on (found by their UUIDv7 ids). */
    static final String COHORT_SIZES = """
            INSERT INTO analytics_retention (tenant_id, unit, bot_id, channel_id, cohort, period, contacts)
            SELECT :t, 'day', :none, :none, CAST(c.created_at AT TIME ZONE :tz AS date), 0, count(*)
            FROM contacts c
            WHERE c.tenant_id = :t AND c.id >= :lowestContact AND c.id < :highest AND c.created_at >= :dayStart
              AND c.created_at < :dayEnd
            GROUP BY 5""";

    /** Deletes the rows the statements above write again, in their order. */
    static final List<String> DELETES = List.of(
            "DELETE FROM analytics_active_days WHERE tenant_id = :t AND day >= :firstDay AND day <= :lastDay",
            "DELETE FROM analytics_retention WHERE tenant_id = :t AND unit = 'day' AND period > 0"
                    + " AND cohort + period >= :firstDay AND cohort + period <= :lastDay",
            "DELETE FROM analytics_retention WHERE tenant_id = :t AND unit = 'week'"
                    + " AND CAST(date_trunc('week', CAST(cohort AS timestamp)) AS date) + 7 * period"
                    + " BETWEEN :firstWeek AND :lastDay",
            "DELETE FROM analytics_retention WHERE tenant_id = :t AND unit = 'day' AND period = 0"
                    + " AND cohort >= :firstDay AND cohort <= :lastDay");

    /** The statements that write the rows again: a rebuild's slice takes the carried previous days. */
    static List<String> inserts(boolean carried) {
        return List.of(carried ? ACTIVE_DAYS_CARRIED : ACTIVE_DAYS_LOOKED_UP, RETENTION_DAYS, RETENTION_WEEKS,
                COHORT_SIZES);
    }

    private DistinctSql() {
    }
}
