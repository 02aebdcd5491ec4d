package io.parley.api.analytics;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.analytics.AnalyticsRollup;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.parley.api.analytics.AnalyticsFiguresTest.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read analytics, tenant isolation, CSV answers and the export, for a tenant in Asia/Kolkata (UTC+5:30,
 * whose local days start at 18:30 UTC: buckets aligned on the half hour).
 */
@MicronautTest(transactional = false)
class AnalyticsAccessTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    AnalyticsRollup rollup;

    Session owner;
    UUID channel;

    static final String RANGE = "from=2026-03-08&to=2026-03-09";

    @BeforeAll
    void history() {
        owner = api().signup("Kolkata Co");
        api().patch("/api/v1/tenant", owner.accessToken(), Map.of("timeZone", "Asia/Kolkata"));
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        History history = new History(tenant.value(), History.botOf(channel), channel);
        History.Talk d1 = history.contact("D1 \"quoted\", with comma", Instant.parse("2026-03-08T18:20:00Z"));
        UUID late = d1.says(Instant.parse("2026-03-08T18:20:00Z"));              // 03-08 23:50 IST
        d1.answered(late, Instant.parse("2026-03-08T18:20:01Z"), "llm", Duration.ofMillis(900), "sent", null);
        d1.says(Instant.parse("2026-03-08T18:40:00Z"));                           // 03-09 00:10 IST
        rollup.refresh(tenant);
    }

    @Test
    void halfHourZonesGetTheirLocalMidnightExactly() {
        Reply messages = api().get("/api/v1/analytics/messages?" + RANGE, owner.accessToken());

        // 18:20 and 18:40 UTC are one UTC hour but two local days: buckets start at :30 past the UTC hour here
        assertThat(column(messages, "messagesIn")).containsExactly(1, 1);
        assertThat(column(messages, "messagesOut")).containsExactly(1, 0);
    }

    @Test
    void viewersReadAnalyticsButOnlyAdminsExportMessages() {
        Session viewer = new Teams(api()).addMember(owner, "viewer");

        assertThat(api().get("/api/v1/analytics/messages?" + RANGE, viewer.accessToken()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/analytics/latency?" + RANGE, viewer.accessToken()).status()).isEqualTo(200);
        Reply export = api().get("/api/v1/analytics/export/messages?" + RANGE, viewer.accessToken());
        assertThat(export.status()).isEqualTo(403);
        assertThat(export.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/analytics/messages", null).status()).isEqualTo(401);
    }

    @Test
    void anotherTenantSeesNoneOfThisTenantsFigures() {
        Session stranger = api().signup("Stranger Co");
        String ours = "&channelId=" + channel;

        Reply theirs = api().get("/api/v1/analytics/messages?" + RANGE + ours, stranger.accessToken());
        Reply export = api().get("/api/v1/analytics/export/messages?" + RANGE, stranger.accessToken());
        Reply costs = api().get("/api/v1/analytics/costs?" + RANGE, stranger.accessToken());

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.at("totals.messagesIn")).isEqualTo(0);
        assertThat(theirs.at("totals.messagesOut")).isEqualTo(0);
        assertThat(export.text().lines().count()).isEqualTo(1); // the header only
        assertThat((List<?>) costs.at("rows")).isEmpty();
    }

    @Test
    void answersEveryFigureAsCsvThatParsesBackToTheJson() throws IOException {
        for (String figure : List.of("messages", "contacts", "active-contacts", "retention", "latency", "llm",
                "costs", "containment", "delivery", "delivery/failures", "buttons", "line-sends", "flows")) {
            String path = "/api/v1/analytics/" + figure + "?" + RANGE;
            Reply json = api().get(path, owner.accessToken());
            Reply byAccept = api().send("GET", path, owner.accessToken(), null, Map.of("Accept", "text/csv"));
            Reply byQuery = api().get(path + "&format=csv", owner.accessToken());

            assertThat(byAccept.status()).as(figure).isEqualTo(200);
            assertThat(byAccept.contentType()).startsWith("text/csv");
            assertThat(byAccept.text()).isEqualTo(byQuery.text());
            List<Map<String, String>> rows = csv(byAccept.text());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> expected = (List<Map<String, Object>>) json.at("rows");
            int totals = json.at("totals") == null ? 0 : 1;
            assertThat(rows).as(figure).hasSize(expected.size() + totals);
            for (int i = 0; i < expected.size(); i++) {
                Map<String, Object> row = expected.get(i);
                assertThat(rows.get(i)).as(figure).isEqualTo(asText(row));
            }
        }
    }

    @Test
    void exportsTheRangesMessagesAsCsvAndJsonLines() throws IOException {
        Reply csv = api().get("/api/v1/analytics/export/messages?" + RANGE, owner.accessToken());
        Reply lines = api().get("/api/v1/analytics/export/messages?" + RANGE + "&format=jsonl", owner.accessToken());
        Reply oneDay = api().get("/api/v1/analytics/export/messages?from=2026-03-09&to=2026-03-09",
                owner.accessToken());

        assertThat(csv.contentType()).startsWith("text/csv");
        List<Map<String, String>> rows = csv(csv.text());
        assertThat(rows).extracting(row -> row.get("direction")).containsExactly("inbound", "outbound", "inbound");
        assertThat(rows.getFirst().get("createdAt")).isEqualTo("2026-03-08T23:50+05:30");
        assertThat(lines.contentType()).startsWith("application/jsonl");
        assertThat(lines.text().lines().toList()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\""));
        assertThat(csv(oneDay.text())).hasSize(1);
    }

    @Test
    void rejectsMalformedQueriesWithProblems() {
        for (String query : List.of("from=yesterday", "from=2026-03-09&to=2026-03-01", "groupBy=year",
                "from=2025-01-01&to=2026-03-01", "groupBy=hour&from=2026-01-01&to=2026-03-01", "format=xml")) {
            Reply reply = api().get("/api/v1/analytics/messages?" + query, owner.accessToken());
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        Reply chinese = api().send("GET", "/api/v1/analytics/messages?groupBy=year", owner.accessToken(), null,
                Map.of("Accept-Language", "zh-Hant"));
        assertThat(chinese.text()).contains("必須是 hour、day、week 或 month");
    }

    static List<Map<String, String>> csv(String text) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return rows.readAll();
        }
    }

    private static Map<String, String> asText(Map<String, Object> row) {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        row.forEach((key, value) -> text.put(key, value == null ? "" : value.toString()));
        return text;
    }
}
