package io.parley.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a broadcast's recipients got, from both ends: Parley's {@code broadcast_recipients} (read as the database's
 * superuser) and the messages the fake Graph API accepted. <b>duplicates</b>: messages accepted for a number that
 * had one already; <b>skipped</b>: planned recipients the fake never accepted a message for; <b>failed but
 * arrived</b>: recipients Parley failed ("may have arrived") whose message did reach the fake.
 */
record RecipientTally(long planned, Map<String, Long> byStatus, Map<String, Long> failureReasons, long duplicates,
                      long skipped, long failedButArrived, long unknownRecipients) {

    static RecipientTally read(Connection connection, String broadcastId, FakeGraph.Recording recording)
            throws SQLException {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> reasons = new LinkedHashMap<>();
        Map<String, String> planned = new LinkedHashMap<>();
        try (PreparedStatement rows = connection.prepareStatement("SELECT external_user_id, status, reason"
                + " FROM broadcast_recipients WHERE broadcast_id = ? ORDER BY id")) {
            rows.setObject(1, UUID.fromString(broadcastId));
            rows.setFetchSize(5000);
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    String status = row.getString(2);
                    planned.put(normalized(row.getString(1)), status);
                    byStatus.merge(status, 1L, Long::sum);
                    if (row.getString(3) != null) {
                        reasons.merge(row.getString(3).replaceAll("\\d+", "N"), 1L, Long::sum);
                    }
                }
            }
        }
        return of(planned, byStatus, reasons, recording.recipients);
    }

    /** {@code planned}: normalized number → status; {@code received}: number as sent → messages accepted. */
    static RecipientTally of(Map<String, String> planned, Map<String, Long> byStatus, Map<String, Long> reasons,
                             Map<String, AtomicInteger> received) {
        Map<String, Integer> got = new LinkedHashMap<>();
        received.forEach((to, count) -> got.merge(normalized(to), count.get(), Integer::sum));
        long duplicates = got.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
        long skipped = 0;
        long failedButArrived = 0;
        for (Map.Entry<String, String> recipient : planned.entrySet()) {
            boolean arrived = got.containsKey(recipient.getKey());
            if (!arrived) {
                skipped++;
            } else if (recipient.getValue().equals("failed")) {
                failedButArrived++;
            }
        }
        long unknown = got.keySet().stream().filter(number -> !planned.containsKey(number)).count();
        return new RecipientTally(planned.size(), byStatus, reasons, duplicates, skipped, failedButArrived, unknown);
    }

    private static String normalized(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }
}
