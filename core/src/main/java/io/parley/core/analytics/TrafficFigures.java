package io.parley.core.analytics;

import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Messages, conversations and contacts: who talked, how often, and who came back (docs/analytics.md). Read from
 * the rollups only: the daily ones for day, week and month groups (distinct counts from contact-days), the hourly
 * ones for hours.
 */
@Singleton
public final class TrafficFigures {

    static final List<String> SENDERS = List.of("bot_flow", "bot_llm", "bot_fallback", "bot_limit", "agent", "system");

    private final TenantScope scope;
    private final DataSource dataSource;

    TrafficFigures(TenantScope scope, DataSource dataSource) {
        this.scope = scope;
        this.dataSource = dataSource;
    }

    /** Conversations started, messages in, messages out by sender. */
    public AnalyticsTable messages(AnalyticsRange range) {
        return read(range, connection -> {
            Counters counts = Counters.read(connection, range,
                    List.of("messages_in", "messages_out", "conversations_started"));
            List<String> columns = new ArrayList<>(List.of("bucket", "conversationsStarted", "messagesIn", "messagesOut"));
            SENDERS.forEach(sender -> columns.add("messagesOut_" + sender));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String label : range.labels()) {
                rows.add(messagesRow(columns, label, counts, label));
            }
            return new AnalyticsTable(columns, rows, messagesRow(columns, null, counts, null));
        });
    }

    private static Map<String, Object> messagesRow(List<String> columns, String bucket, Counters counts, String label) {
        List<Object> values = new ArrayList<>(List.of(bucket == null ? "total" : bucket,
                value(counts, label, "conversations_started", null), value(counts, label, "messages_in", null),
                value(counts, label, "messages_out", null)));
        SENDERS.forEach(sender -> values.add(value(counts, label, "messages_out", sender)));
        return AnalyticsTable.row(columns, values.toArray());
    }

    private static long value(Counters counts, String label, String metric, String dimension) {
        return label == null ? counts.total(metric, dimension) : counts.get(label, metric, dimension);
    }

    /** Active contacts per bucket, split into new (first seen in that bucket) and returning. */
    public AnalyticsTable contacts(AnalyticsRange range) {
        return read(range, connection -> {
            List<String> columns = List.of("bucket", "activeContacts", "newContacts", "returningContacts");
            List<Map<String, Object>> rows = new ArrayList<>();
            DistinctCounts.Groups groups = DistinctCounts.of(connection, range, DistinctCounts.CONTACT);
            for (String label : range.labels()) {
                long active = groups.active(label);
                long fresh = groups.fresh(label);
                rows.add(AnalyticsTable.row(columns, label, active, fresh, active - fresh));
            }
            return new AnalyticsTable(columns, rows, null);
        });
    }

    /**
     * Per local day: DAU (contacts active that day), WAU (the 7 days ending that day), MAU (the 30 days ending that
     * day) and stickiness DAU / MAU.
     *
     * <p>Read from the precomputed active days ({@link DistinctCounts#activeChanges}): a running sum of the
     * contacts entering and leaving each day's 7- and 30-day windows.
     */
    public AnalyticsTable activeContacts(AnalyticsRange range) {
        return read(range, connection -> {
            LocalDate windowStart = range.from().minusDays(29);
            Map<LocalDate, long[]> changes = DistinctCounts.activeChanges(connection, range, windowStart);
            List<String> columns = List.of("day", "dau", "wau", "mau", "stickiness");
            List<Map<String, Object>> rows = new ArrayList<>();
            long wau = 0;
            long mau = 0;
            for (LocalDate day = windowStart; !day.isAfter(range.to()); day = day.plusDays(1)) {
                long[] change = changes.getOrDefault(day, new long[3]);
                wau += change[1];
                mau += change[2];
                if (!day.isBefore(range.from())) {
                    rows.add(AnalyticsTable.row(columns, day.toString(), change[0], wau, mau,
                            AnalyticsTable.share(change[0], mau)));
                }
            }
            return new AnalyticsTable(columns, rows, null);
        });
    }

    /**
     * Retention cohorts: contacts by the local day (or week) they were first seen inside the range, and the share
     * of each cohort active on day 1, 7 and 30 after it (or in weeks 1..8 after it).
     */
    public AnalyticsTable retention(AnalyticsRange range, boolean weekly) {
        return read(range, connection -> {
            List<Integer> offsets = weekly ? List.of(1, 2, 3, 4, 5, 6, 7, 8) : List.of(1, 7, 30);
            List<String> columns = new ArrayList<>(List.of("cohort", "contacts"));
            offsets.forEach(offset -> columns.add(weekly ? "week" + offset : "d" + offset));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object[] row : DistinctCounts.retention(connection, range, weekly, offsets)) {
                long size = Jdbc.number(row[1]);
                List<Object> values = new ArrayList<>(List.of(row[0].toString(), size));
                for (int i = 0; i < offsets.size(); i++) {
                    values.add(AnalyticsTable.share(Jdbc.number(row[2 + i]), size));
                }
                rows.add(AnalyticsTable.row(columns, values.toArray()));
            }
            return new AnalyticsTable(columns, rows, null);
        });
    }

    <T> T read(AnalyticsRange range, Function<Connection, T> work) {
        return scope.read(new TenantId(range.tenant()), () -> {
            try {
                return work.apply(dataSource.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("No connection for the analytics query", e);
            }
        });
    }
}
