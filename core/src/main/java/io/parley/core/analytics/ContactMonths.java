package io.parley.core.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.sql.Connection;

/**
 * Each contact's LLM cost per local month and scope ({@code analytics_contact_months}, V196): upper bounds that let
 * {@link ContactCosts} find the most expensive contacts of a range without summing every active contact. A
 * contact's cost in a range is at most the sum of its months that overlap the range; so after taking each month's
 * {@code depth} most expensive contacts (the cost index), a contact seen in none of them costs at most the sum of
 * the months' {@code depth}-th costs (the threshold) — the threshold algorithm of Fagin, Lotem and Naor (PODS 2001),
 * with the sorted accesses read in batches.
 */
final class ContactMonths {

    /** The contacts whose contact-days the refresh wrote (the window's days), with the months they fall in. */
    private static final String TOUCHED = """
            WITH x AS (SELECT DISTINCT d.contact_id, CAST(date_trunc('month', d.day) AS date) AS month
                       FROM analytics_contact_days d
                       WHERE d.tenant_id = :t AND d.day >= :firstDay AND d.day <= :lastDay
                         AND (CAST(:everyDay AS boolean) OR d.day = ANY(CAST(:days AS date[]))))
            """;

    /**
     * Run after the contact-days of a refresh window were written: the months of the contacts written, summed again
     * from their contact-days. Rows of contacts no longer there stay (a bound too high is still a bound).
     */
    static final List<String> REFRESH = List.of(TOUCHED + """
            DELETE FROM analytics_contact_months m USING x
            WHERE m.tenant_id = :t AND m.contact_id = x.contact_id AND m.month = x.month""", TOUCHED + """
            INSERT INTO analytics_contact_months (tenant_id, contact_id, month, bot_id, channel_id, cost)
            SELECT :t, h.contact_id, x.month, s.bot_id, s.channel_id, sum(greatest(h.llm_cost_micros, 0))
            FROM x
            JOIN analytics_contact_days h ON h.tenant_id = :t AND h.contact_id = x.contact_id AND h.day >= x.month
                AND h.day < CAST(x.month + interval '1 month' AS date)
            %s
            GROUP BY h.contact_id, x.month, s.bot_id, s.channel_id""".formatted(DistinctSql.SCOPES));

    private ContactMonths() {
    }

    /**
     * The contacts among each month's {@code depth} most expensive in the range's scope, each with the most it can
     * cost in the range ({@code bounds}: its costs in the months where it was read, the month's lowest cost read
     * where it was not, 0 in a month read to its end), and the most an unseen contact can cost ({@code threshold});
     * {@code exhausted}: every contact with a month row was seen.
     */
    record Candidates(Map<UUID, Long> bounds, long threshold, boolean exhausted) {

        Set<UUID> contacts() {
            return bounds.keySet();
        }
    }

    static Candidates candidates(Connection connection, AnalyticsRange range, int depth) {
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate month = range.from().withDayOfMonth(1); !month.isAfter(range.to()); month = month.plusMonths(1)) {
            months.add(month);
        }
        Map<String, Object> values = DistinctCounts.scoped(range);
        values.put("months", months.stream().map(LocalDate::toString)
                .collect(java.util.stream.Collectors.joining(",", "{", "}")));
        values.put("depth", depth);
        Map<UUID, Map<Object, Long>> seen = new HashMap<>(); // contact → month → cost
        Map<Object, long[]> lists = new HashMap<>(); // month → [contacts read, lowest cost]
        for (Object[] row : Jdbc.rows(connection, """
                SELECT mo.month, m.contact_id, m.cost
                FROM unnest(CAST(:months AS date[])) AS mo(month)
                CROSS JOIN LATERAL (
                    SELECT c.contact_id, c.cost FROM analytics_contact_months c
                    WHERE c.tenant_id = :t AND c.bot_id = :scopeBot AND c.channel_id = :scopeChannel
                      AND c.month = mo.month
                    ORDER BY c.cost DESC LIMIT :depth) m""", values)) {
            seen.computeIfAbsent((UUID) row[1], k -> new HashMap<>()).put(row[0], Jdbc.number(row[2]));
            long[] list = lists.computeIfAbsent(row[0], k -> new long[]{0, Long.MAX_VALUE});
            list[0]++;
            list[1] = Math.min(list[1], Jdbc.number(row[2]));
        }
        Map<Object, Long> unseen = new HashMap<>(); // month → the most a contact not read in it costs there
        long threshold = 0;
        for (Map.Entry<Object, long[]> list : lists.entrySet()) {
            // a list read to its end bounds nothing more: its other contacts have no row, so cost 0 that month
            long most = list.getValue()[0] >= depth ? list.getValue()[1] : 0;
            unseen.put(list.getKey(), most);
            threshold += most;
        }
        Map<UUID, Long> bounds = new HashMap<>();
        seen.forEach((contact, costs) -> bounds.put(contact, unseen.entrySet().stream()
                .mapToLong(month -> costs.getOrDefault(month.getKey(), month.getValue())).sum()));
        return new Candidates(bounds, threshold, lists.values().stream().allMatch(list -> list[0] < depth));
    }
}
