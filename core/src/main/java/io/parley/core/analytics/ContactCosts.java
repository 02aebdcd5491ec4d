package io.parley.core.analytics;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code costs} figure by contact: the most expensive contacts of the range (cost, most first, then contact id),
 * summed from their contact-days. Summing every active contact of a 90-day range read ~170,000 contact-days at 1 M
 * messages (about 1 s on a loaded machine); so the candidates come first from the per-month bounds
 * ({@link ContactMonths}): each month's most expensive contacts, summed exactly, until the {@code limit}-th of them
 * costs more than any contact not read can (then the answer is exact). When that takes more than
 * {@link #MAX_DEPTH} contacts a month (costs spread evenly, or fewer costly contacts than {@code limit}), every
 * contact of the range is summed, as before.
 */
final class ContactCosts {

    static final List<String> COLUMNS = List.of("contactId", "llmCalls", "costMicros", "messagesIn", "contacts",
            "conversations", "costPerContactMicros");
    /** The most contacts read per month from the bounds before summing every contact of the range instead. */
    static final int MAX_DEPTH = 20_000;

    private ContactCosts() {
    }

    static AnalyticsTable read(Connection connection, AnalyticsRange range, int limit) {
        List<Object[]> rows = fromBounds(connection, range, limit);
        return table(rows != null ? rows : sums(connection, range, limit, null));
    }

    /**
     * The answer from the month bounds, or null when {@link #MAX_DEPTH} contacts a month are not enough. Each round
     * reads each month's {@code depth} most expensive contacts ({@link ContactMonths#candidates}) and sums exactly,
     * in two statements, the candidates not summed yet that can still reach the top: first the {@code 8 × limit}
     * with the highest bounds, then every one whose bound is at least the {@code limit}-th cost summed so far (one
     * statement: a statement's fixed cost dominated the batches of {@code 4 × limit} it replaces; bench/README.md).
     * It stops when the {@code limit}-th costs more than every contact not summed can (the next bound, and the
     * threshold of those not read). When the {@code limit}-th summed does not beat the threshold, no sum can make
     * the answer exact at this depth unless it raises that {@code limit}-th, so the next round reads 4× deeper
     * first (lists are cheaper than sums) and keeps what was summed.
     */
    static List<Object[]> fromBounds(Connection connection, AnalyticsRange range, int limit) {
        return fromBounds(connection, range, limit, Math.max(8 * limit, 256));
    }

    /** {@link #fromBounds(Connection, AnalyticsRange, int)} starting at {@code depth} contacts a month. */
    static List<Object[]> fromBounds(Connection connection, AnalyticsRange range, int limit, int firstDepth) {
        Set<UUID> summed = new HashSet<>();
        List<Object[]> top = new ArrayList<>();
        for (int depth = firstDepth; depth <= MAX_DEPTH; depth *= 4) {
            ContactMonths.Candidates candidates = ContactMonths.candidates(connection, range, depth);
            List<Map.Entry<UUID, Long>> order = new ArrayList<>(candidates.bounds().entrySet());
            order.removeIf(candidate -> summed.contains(candidate.getKey()));
            order.sort(Map.Entry.<UUID, Long>comparingByValue().reversed());
            int next = 0; // the first candidate of order not summed
            while (next < order.size()) {
                int end = next;
                if (top.size() < limit) {
                    end = Math.min(order.size(), next + Math.max(8 * limit, 256));
                } else {
                    // a bound equal to the limit-th cost may still tie with it and rank first by id
                    long floor = Jdbc.number(top.getLast()[2]);
                    while (end < order.size() && order.get(end).getValue() >= floor) {
                        end++;
                    }
                    if (end == next) {
                        break;
                    }
                }
                Set<UUID> contacts = order.subList(next, end).stream().map(Map.Entry::getKey)
                        .collect(Collectors.toSet());
                top = best(top, sums(connection, range, limit, contacts), limit);
                summed.addAll(contacts);
                next = end;
                if (top.size() == limit && Jdbc.number(top.getLast()[2]) <= candidates.threshold()
                        && !candidates.exhausted()) {
                    break; // the threshold must come down first: read deeper
                }
            }
            long rest = Math.max(candidates.threshold(), next < order.size() ? order.get(next).getValue() : 0);
            if (top.size() == limit && Jdbc.number(top.getLast()[2]) > rest) {
                return top;
            }
            if (candidates.exhausted()) {
                // every contact with a month row was a candidate, and each one not summed costs less than the
                // limit-th (the loop only stops early at a bound below it when the lists are exhausted)
                return top;
            }
        }
        return null;
    }

    /** The {@code limit} most expensive of two answers of {@link #sums} (cost, most first, then contact id). */
    private static List<Object[]> best(List<Object[]> one, List<Object[]> other, int limit) {
        List<Object[]> all = new ArrayList<>(one);
        all.addAll(other);
        all.sort(java.util.Comparator.<Object[]>comparingLong(row -> -Jdbc.number(row[2]))
                .thenComparing(row -> row[0].toString()));
        return new ArrayList<>(all.subList(0, Math.min(limit, all.size())));
    }

    /**
     * The {@code limit} most expensive of {@code contacts} (null: of every contact) in the range: the range's
     * contact-days summed per conversation (channel and contact) then per contact, in hash tables.
     */
    private static List<Object[]> sums(Connection connection, AnalyticsRange range, int limit, Set<UUID> contacts) {
        String sql = """
                SELECT c.contact_id, sum(c.calls), sum(c.cost), sum(c.messages_in), count(*)
                FROM (
                    SELECT h.contact_id, h.channel_id, sum(h.llm_calls) AS calls, sum(h.llm_cost_micros) AS cost,
                           sum(h.messages_in) AS messages_in
                    FROM analytics_contact_days h
                    WHERE h.tenant_id = :t AND h.day >= :fromDay AND h.day <= :toDay%s%s
                    GROUP BY h.contact_id, h.channel_id
                ) c
                GROUP BY c.contact_id
                ORDER BY 3 DESC, 1
                LIMIT :limit""".formatted(range.filterSql("h"),
                contacts == null ? "" : " AND h.contact_id = ANY(CAST(:contacts AS uuid[]))");
        Map<String, Object> values = range.values();
        values.put("limit", limit);
        if (contacts != null) {
            values.put("contacts", contacts.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
        }
        return Jdbc.rows(connection, sql, values);
    }

    private static AnalyticsTable table(List<Object[]> sums) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] row : sums) {
            long cost = Jdbc.number(row[2]);
            // one contact per row: its cost per contact is its cost
            rows.add(AnalyticsTable.row(COLUMNS, row[0].toString(), Jdbc.number(row[1]), cost, Jdbc.number(row[3]),
                    1L, Jdbc.number(row[4]), cost));
        }
        return new AnalyticsTable(COLUMNS, rows, null);
    }
}
