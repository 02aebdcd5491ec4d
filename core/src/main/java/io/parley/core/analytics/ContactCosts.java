package io.parley.core.analytics;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code costs} figure by contact: the most expensive contacts of the range, summed from their contact-days.
 * Each contact's sum needs its rows of the range, so the read grows with the active contacts: the range's
 * contact-days summed per conversation (channel and contact) then per contact in hash tables — no
 * {@code count(DISTINCT …)} — and only the {@code limit} first kept (a top-N heap). Not faster than the
 * {@code count(DISTINCT …)} statement it replaced at 1 M messages (bench/README.md): reading the rows is the cost.
 */
final class ContactCosts {

    static final List<String> COLUMNS = List.of("contactId", "llmCalls", "costMicros", "messagesIn", "contacts",
            "conversations", "costPerContactMicros");

    private ContactCosts() {
    }

    static AnalyticsTable read(Connection connection, AnalyticsRange range, int limit) {
        String sql = """
                SELECT c.contact_id, sum(c.calls), sum(c.cost), sum(c.messages_in), count(*)
                FROM (
                    SELECT h.contact_id, h.channel_id, sum(h.llm_calls) AS calls, sum(h.llm_cost_micros) AS cost,
                           sum(h.messages_in) AS messages_in
                    FROM analytics_contact_days h
                    WHERE h.tenant_id = :t AND h.day >= :fromDay AND h.day <= :toDay%s
                    GROUP BY h.contact_id, h.channel_id
                ) c
                GROUP BY c.contact_id
                ORDER BY 3 DESC, 1
                LIMIT :limit""".formatted(range.filterSql("h"));
        Map<String, Object> values = range.values();
        values.put("limit", limit);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] row : Jdbc.rows(connection, sql, values)) {
            long cost = Jdbc.number(row[2]);
            // one contact per row: its cost per contact is its cost
            rows.add(AnalyticsTable.row(COLUMNS, row[0].toString(), Jdbc.number(row[1]), cost, Jdbc.number(row[3]),
                    1L, Jdbc.number(row[4]), cost));
        }
        return new AnalyticsTable(COLUMNS, rows, null);
    }
}
