package io.parley.api.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.analytics.AnalyticsRollup;
import io.parley.core.analytics.LatencyBins;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static io.parley.api.analytics.AnalyticsFiguresTest.at;
import static io.parley.api.analytics.AnalyticsFiguresTest.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the rollups are stored (V135): a latency histogram is one row per bucket, local days are summed from their
 * hours in the tenant's zone, and distinct counts have one row per contact and local day — rebuilt after a zone
 * change and corrected by late rows like the hourly ones. Tenants in Asia/Taipei (UTC+8, no DST) and UTC →
 * America/New_York.
 */
@MicronautTest(transactional = false)
class RollupStorageTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    AnalyticsRollup rollup;

    @Test
    void keepsALatencyHistogramAsOneRowPerBucketAndOnePerLocalDay() throws SQLException {
        RollupRefreshTest.Setup setup = taipei("Histogram Co");
        History.Talk talk = setup.history().contact("H", at("2026-05-10T01:00:00Z"));
        answeredAfter(talk, "2026-05-10T01:10:00Z", 300);   // 09:10 in Taipei
        answeredAfter(talk, "2026-05-10T01:20:00Z", 300);   // 09:20
        answeredAfter(talk, "2026-05-10T03:00:00Z", 1200);  // 11:00
        rollup.refresh(setup.tenant());

        assertThat(rows(setup, "SELECT bins, counts FROM analytics_latency_hours WHERE tenant_id = ? "
                + "AND metric = 'reply_latency' ORDER BY bucket")).containsExactly(
                List.of(List.of(LatencyBins.bin(300)), List.of(2L)),
                List.of(List.of(LatencyBins.bin(1200)), List.of(1L)));
        assertThat(rows(setup, "SELECT day, bins, counts FROM analytics_latency_days WHERE tenant_id = ? "
                + "AND metric = 'reply_latency'")).containsExactly(
                List.of("2026-05-10", List.of(LatencyBins.bin(300), LatencyBins.bin(1200)), List.of(2L, 1L)));
        assertThat(number(figure(setup, "/api/v1/analytics/latency?from=2026-05-10&to=2026-05-10")
                .at("totals.replyP50"))).isBetween(297L, 303L);
    }

    @Test
    void mergedHistogramsGiveTheNearestRankPercentilesOfLatencyBins() throws SQLException {
        RollupRefreshTest.Setup setup = setup("Merged Percentiles Co"); // UTC
        Random random = new Random(11);
        List<UUID> scopes = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<String, Map<String, Map<Integer, Long>>> days = new TreeMap<>(); // day → metric → histogram
        Map<String, Map<String, Map<Integer, Long>>> hours = new TreeMap<>(); // hour → metric → histogram
        try (Connection connection = RollupRefreshTest.superuser();
             PreparedStatement daily = connection.prepareStatement("INSERT INTO analytics_latency_days "
                     + "(tenant_id, day, metric, bot_id, channel_id, bins, counts) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement hourly = connection.prepareStatement("INSERT INTO analytics_latency_hours "
                     + "(tenant_id, bucket, metric, bot_id, channel_id, bins, counts) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int d = 0; d < 10; d++) {
                LocalDate day = LocalDate.parse("2026-05-01").plusDays(d);
                for (String metric : List.of("reply_latency", "llm_latency")) {
                    for (UUID scope : scopes) {
                        // few bins and small counts, so that ranks often fall on a bin's last latency
                        Map<Integer, Long> histogram = new HashMap<>();
                        for (int i = random.nextInt(6); i >= 0; i--) {
                            histogram.merge(random.nextInt(40) * 10 - 1, 1L + random.nextInt(random.nextBoolean() ? 3 : 500),
                                    Long::sum);
                        }
                        Instant hour = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600L * random.nextInt(24));
                        for (var rows : List.of(Map.entry(day.toString(), days), Map.entry(hour.toString(), hours))) {
                            Map<Integer, Long> merged = rows.getValue()
                                    .computeIfAbsent(rows.getKey(), k -> new HashMap<>())
                                    .computeIfAbsent(metric, k -> new HashMap<>());
                            histogram.forEach((bin, count) -> merged.merge(bin, count, Long::sum));
                        }
                        insert(daily, setup, java.sql.Date.valueOf(day), metric, scope, histogram, connection);
                        insert(hourly, setup, java.sql.Timestamp.from(hour), metric, scope, histogram, connection);
                    }
                }
            }
        }

        var byDay = figure(setup, "/api/v1/analytics/latency?from=2026-05-01&to=2026-05-10");
        var byHour = figure(setup, "/api/v1/analytics/latency?from=2026-05-01&to=2026-05-10&groupBy=hour");
        List<String> dayLabels = new ArrayList<>(days.keySet());
        for (int i = 0; i < dayLabels.size(); i++) {
            assertSamePercentiles(byDay, "rows." + i, days.get(dayLabels.get(i)));
        }
        assertSamePercentiles(byDay, "totals", total(days));
        int hoursChecked = 0;
        for (int i = 0; i < 240; i++) {
            String bucket = byHour.at("rows." + i + ".bucket").toString();
            Instant start = java.time.OffsetDateTime.parse(bucket).toInstant();
            Map<String, Map<Integer, Long>> histograms = hours.get(start.toString());
            if (histograms != null) {
                assertSamePercentiles(byHour, "rows." + i, histograms);
                hoursChecked++;
            }
        }
        assertThat(hoursChecked).isEqualTo(hours.size());
        assertSamePercentiles(byHour, "totals", total(hours));
    }

    private static Map<Integer, Long> merged(Map<Integer, Long> one, Map<Integer, Long> other) {
        Map<Integer, Long> sum = new HashMap<>(one == null ? Map.of() : one);
        other.forEach((bin, count) -> sum.merge(bin, count, Long::sum));
        return sum;
    }

    private static Map<String, Map<Integer, Long>> total(Map<String, Map<String, Map<Integer, Long>>> periods) {
        Map<String, Map<Integer, Long>> total = new HashMap<>();
        periods.values().forEach(metrics -> metrics.forEach((metric, histogram) ->
                total.put(metric, merged(total.get(metric), histogram))));
        return total;
    }

    /** The row's count and percentiles are those {@link LatencyBins#percentile} gives for the merged histograms. */
    private static void assertSamePercentiles(io.parley.api.testing.ApiClient.Reply reply, String row,
                                              Map<String, Map<Integer, Long>> histograms) {
        for (var metric : Map.of("reply", "reply_latency", "llm", "llm_latency").entrySet()) {
            Map<Integer, Long> histogram = histograms.getOrDefault(metric.getValue(), Map.of());
            Object count = reply.at(row + "." + (metric.getKey().equals("reply") ? "replies" : "llmCalls"));
            assertThat(number(count)).as(row).isEqualTo(histogram.values().stream().mapToLong(Long::longValue).sum());
            for (var q : Map.of("P50", 0.5, "P95", 0.95, "P99", 0.99).entrySet()) {
                Object value = reply.at(row + "." + metric.getKey() + q.getKey());
                assertThat(value == null ? null : number(value)).as(row + " " + metric.getKey() + q.getKey())
                        .isEqualTo(LatencyBins.percentile(histogram, q.getValue()));
            }
        }
    }

    private static void insert(PreparedStatement statement, RollupRefreshTest.Setup setup, Object period,
                               String metric, UUID scope, Map<Integer, Long> histogram, Connection connection)
            throws SQLException {
        List<Integer> bins = histogram.keySet().stream().sorted().toList();
        statement.setObject(1, setup.tenant().value());
        statement.setObject(2, period);
        statement.setString(3, metric);
        statement.setObject(4, scope);
        statement.setObject(5, scope);
        statement.setArray(6, connection.createArrayOf("integer", bins.toArray()));
        statement.setArray(7, connection.createArrayOf("bigint", bins.stream().map(histogram::get).toArray()));
        statement.executeUpdate();
    }

    @Test
    void keepsOneRowPerContactAndLocalDayForDistinctCounts() throws SQLException {
        RollupRefreshTest.Setup setup = taipei("Contact Days Co");
        History.Talk talk = setup.history().contact("D", at("2026-05-09T16:30:00Z"));
        talk.says(at("2026-05-09T16:30:00Z"));  // 05-10 00:30 in Taipei
        talk.says(at("2026-05-10T10:00:00Z"));  // 05-10 18:00
        talk.says(at("2026-05-10T16:30:00Z"));  // 05-11 00:30
        rollup.refresh(setup.tenant());

        assertThat(rows(setup, "SELECT count(*) FROM analytics_contact_hours WHERE tenant_id = ?"))
                .containsExactly(List.of(3L));
        assertThat(rows(setup, "SELECT day, messages_in FROM analytics_contact_days WHERE tenant_id = ? ORDER BY day"))
                .containsExactly(List.of("2026-05-10", 2), List.of("2026-05-11", 1));
        assertThat(rows(setup, "SELECT day, value FROM analytics_count_days WHERE tenant_id = ? "
                + "AND metric = 'messages_in' ORDER BY day"))
                .containsExactly(List.of("2026-05-10", 2L), List.of("2026-05-11", 1L));
        var contacts = figure(setup, "/api/v1/analytics/contacts?from=2026-05-09&to=2026-05-11");
        assertThat(column(contacts, "activeContacts")).containsExactly(0, 1, 1);
        assertThat(column(contacts, "newContacts")).containsExactly(0, 1, 0);
    }

    @Test
    void aTimeZoneChangeWithTheSameAlignmentRebuildsTheLocalDays() {
        RollupRefreshTest.Setup setup = setup("Same Minutes Co");
        History.Talk early = setup.history().contact("E", at("2026-03-08T03:00:00Z"));
        answeredAfter(early, "2026-03-08T03:00:00Z", 500);   // 03-07 22:00 in New York
        History.Talk late = setup.history().contact("F", at("2026-03-08T12:00:00Z"));
        late.says(at("2026-03-08T12:00:00Z"));               // 03-08 08:00 in New York
        rollup.refresh(setup.tenant());
        String days = "?from=2026-03-07&to=2026-03-08";
        assertThat(column(figure(setup, "/api/v1/analytics/messages" + days), "messagesIn")).containsExactly(0, 2);

        api().patch("/api/v1/tenant", setup.owner().accessToken(), Map.of("timeZone", "America/New_York"));
        rollup.refresh(setup.tenant());

        assertThat(column(figure(setup, "/api/v1/analytics/messages" + days), "messagesIn")).containsExactly(1, 1);
        assertThat(column(figure(setup, "/api/v1/analytics/contacts" + days), "activeContacts"))
                .containsExactly(1, 1);
        assertThat(column(figure(setup, "/api/v1/analytics/latency" + days), "replies")).containsExactly(1, 0);
    }

    @Test
    void aLateRowIsCorrectedInTheDailyRollups() {
        RollupRefreshTest.Setup setup = setup("Late Days Co");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        History.Talk first = setup.history().contact("A", now.minus(Duration.ofHours(2)));
        UUID asked = first.says(now.minus(Duration.ofHours(2)));
        first.answered(asked, now.minus(Duration.ofHours(2)), "llm", Duration.ofMillis(800), "sent", null);
        first.llmCall(now.minus(Duration.ofHours(2)), "ok", 700, 10, 10, 1000);
        rollup.refresh(setup.tenant());

        // committed after that refresh, dated before its watermark
        History.Talk second = setup.history().contact("B", now.minus(Duration.ofHours(3)));
        UUID late = second.says(now.minus(Duration.ofHours(3)));
        second.answered(late, now.minus(Duration.ofHours(3)), "llm", Duration.ofMillis(1600), "sent", null);
        second.llmCall(now.minus(Duration.ofHours(3)), "ok", 1500, 10, 10, 3000);
        rollup.refresh(setup.tenant());

        String days = "?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to=" + LocalDate.now(ZoneOffset.UTC);
        assertThat(figure(setup, "/api/v1/analytics/llm" + days).at("totals.activeContacts")).isEqualTo(2);
        assertThat(figure(setup, "/api/v1/analytics/latency" + days).at("totals.replies")).isEqualTo(2);
        assertThat(column(figure(setup, "/api/v1/analytics/costs?by=contact&" + days.substring(1)), "costMicros"))
                .containsExactly(3000, 1000);
    }

    @Test
    void rollupsBuiltBeforeTheDailyTablesAreRebuiltWhole() throws SQLException {
        RollupRefreshTest.Setup setup = taipei("Upgraded Co");
        History.Talk talk = setup.history().contact("U", at("2026-01-05T04:00:00Z"));
        answeredAfter(talk, "2026-01-05T04:00:00Z", 900);
        rollup.refresh(setup.tenant());
        // as V135 leaves a tenant refreshed before it: a watermark, no zone, no daily or histogram rows
        try (Connection connection = RollupRefreshTest.superuser()) {
            for (String sql : List.of("UPDATE analytics_rollup_state SET time_zone = NULL WHERE tenant_id = ?",
                    "DELETE FROM analytics_latency_hours WHERE tenant_id = ?",
                    "DELETE FROM analytics_latency_days WHERE tenant_id = ?",
                    "DELETE FROM analytics_count_days WHERE tenant_id = ?")) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setObject(1, setup.tenant().value());
                    statement.executeUpdate();
                }
            }
        }

        rollup.refresh(setup.tenant());

        String day = "?from=2026-01-05&to=2026-01-05";
        assertThat(figure(setup, "/api/v1/analytics/latency" + day).at("totals.replies")).isEqualTo(1);
        assertThat(figure(setup, "/api/v1/analytics/messages" + day).at("totals.messagesIn")).isEqualTo(1);
    }

    private void answeredAfter(History.Talk talk, String at, int ms) {
        UUID event = talk.says(at(at));
        talk.answered(event, at(at), "llm", Duration.ofMillis(ms), "sent", null);
    }

    private RollupRefreshTest.Setup setup(String name) {
        Session owner = api().signup(name);
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        return new RollupRefreshTest.Setup(owner, tenant, new History(tenant.value(), History.botOf(channel), channel));
    }

    private RollupRefreshTest.Setup taipei(String name) {
        RollupRefreshTest.Setup setup = setup(name);
        assertThat(api().patch("/api/v1/tenant", setup.owner().accessToken(), Map.of("timeZone", "Asia/Taipei"))
                .status()).isEqualTo(200);
        return setup;
    }

    private io.parley.api.testing.ApiClient.Reply figure(RollupRefreshTest.Setup setup, String path) {
        var reply = api().get(path, setup.owner().accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    /** The rows of a query on one tenant (its only parameter), as the superuser; arrays as lists, dates as text. */
    private static List<List<Object>> rows(RollupRefreshTest.Setup setup, String sql) throws SQLException {
        try (Connection connection = RollupRefreshTest.superuser();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, setup.tenant().value());
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        Object value = result.getObject(i);
                        row.add(value instanceof Array array ? List.of((Object[]) array.getArray())
                                : value instanceof java.sql.Date date ? date.toLocalDate().toString() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
