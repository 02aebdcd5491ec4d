package io.parley.api.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.analytics.AnalyticsRollup;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LINE free replies vs paid pushes, and flows fired per flow, in the tenant's time zone (Asia/Taipei, UTC+8), from
 * generated rows through the rollups, against hand-computed figures; CSV parsed back.
 */
@MicronautTest(transactional = false)
class LineSendsAndFlowsTest extends ApiTest {

    static final String RANGE = "from=2026-03-08&to=2026-03-09";

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
    UUID hours = History.idAt(Instant.parse("2026-01-01T00:00:00Z"));
    UUID gone = History.idAt(Instant.parse("2026-01-02T00:00:00Z"));

    @BeforeAll
    void history() {
        owner = api().signup("Line Figures Co");
        assertThat(api().patch("/api/v1/tenant", owner.accessToken(), Map.of("timeZone", "Asia/Taipei"))
                .status()).isEqualTo(200);
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        channel = new TestChannels(scope, bots, dataSource).channel(tenant, "line");
        UUID bot = History.botOf(channel);
        History history = new History(tenant.value(), bot, channel);
        History.update("INSERT INTO flows (tenant_id, id, bot_id, name, trigger_type) VALUES (?, ?, ?, "
                + "'Opening hours', 'keyword')", tenant.value(), hours, bot);

        History.Talk mei = history.contact("Mei", at("2026-03-08T01:00:00Z"));          // 03-08 09:00 Taipei
        sent(mei, at("2026-03-08T01:00:00Z"), "reply");
        sent(mei, at("2026-03-08T01:00:01Z"), "reply");
        sent(mei, at("2026-03-08T15:59:00Z"), "push");                                // 03-08 23:59 Taipei
        sent(mei, at("2026-03-08T16:30:00Z"), "push");                                // 03-09 00:30 Taipei
        mei.answered(mei.says(at("2026-03-08T17:00:00Z")), at("2026-03-08T17:00:01Z"), "llm",
                Duration.ofSeconds(1), "sent", null);                                  // no send mode: not counted
        fired(tenant, mei, hours, at("2026-03-08T01:00:00Z"));
        fired(tenant, mei, hours, at("2026-03-08T20:00:00Z"));                         // 03-09 04:00 Taipei
        fired(tenant, mei, gone, at("2026-03-08T15:00:00Z"));
        fired(tenant, mei, hours, at("2026-03-07T15:59:00Z"));                         // 03-07 23:59: outside
        rollup.refresh(tenant);
    }

    @Test
    void countsFreeRepliesAndPaidPushesPerDayOfTheTenant() {
        Reply sends = figure("/api/v1/analytics/line-sends?" + RANGE + "&groupBy=day");

        assertThat(column(sends, "bucket")).containsExactly("2026-03-08", "2026-03-09");
        assertThat(column(sends, "replies")).containsExactly(2, 0);
        assertThat(column(sends, "pushes")).containsExactly(1, 1);
        assertThat(column(sends, "replyShare")).containsExactly(0.6667, 0.0);
        assertThat(sends.at("totals.replies")).isEqualTo(2);
        assertThat(sends.at("totals.pushes")).isEqualTo(2);
        assertThat(sends.at("totals.replyShare")).isEqualTo(0.5);
    }

    @Test
    void countsEachFlowFiredMostFirstWithItsName() {
        Reply flows = figure("/api/v1/analytics/flows?" + RANGE);

        assertThat((List<?>) flows.at("rows")).hasSize(2);
        assertThat(flows.at("rows.0")).isEqualTo(Map.of("flowId", hours.toString(), "name", "Opening hours",
                "fired", 2));
        assertThat(flows.at("rows.1.flowId")).as("a deleted flow keeps its count").isEqualTo(gone.toString());
        assertThat(flows.at("rows.1.name")).isNull();
        assertThat(flows.at("rows.1.fired")).isEqualTo(1);
    }

    @Test
    void bothFiguresComeAsCsv() {
        Reply sends = api().get("/api/v1/analytics/line-sends?" + RANGE + "&groupBy=day&format=csv",
                owner.accessToken());
        Reply flows = api().send("GET", "/api/v1/analytics/flows?" + RANGE, owner.accessToken(), null,
                Map.of("Accept", "text/csv"));

        assertThat(sends.status()).isEqualTo(200);
        assertThat(sends.text().lines().toList()).containsExactly("bucket,replies,pushes,replyShare",
                "2026-03-08,2,1,0.6667", "2026-03-09,0,1,0.0", "total,2,2,0.5");
        assertThat(flows.text().lines().toList()).containsExactly("flowId,name,fired",
                "\"" + hours + "\",\"Opening hours\",2", "\"" + gone + "\",,1");
    }

    @Test
    void anotherTenantSeesNone() {
        Session stranger = api().signup("Line Stranger Co");
        Reply flows = api().get("/api/v1/analytics/flows?" + RANGE, stranger.accessToken());
        Reply sends = api().get("/api/v1/analytics/line-sends?" + RANGE, stranger.accessToken());

        assertThat((List<?>) flows.at("rows")).isEmpty();
        assertThat(sends.at("totals.replies")).isEqualTo(0);
        assertThat(sends.at("totals.pushes")).isEqualTo(0);
    }

    private static void sent(History.Talk talk, Instant at, String mode) {
        History.update("INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, status, "
                + "created_at, sent_at, send_mode) SELECT tenant_id, ?, id, 'outbound', 'bot', 'text', 'hi', 'sent', "
                + "?, ?, ? FROM conversations WHERE id = ?", History.idAt(at), Timestamp.from(at), Timestamp.from(at),
                mode, talk.conversation);
    }

    private static void fired(TenantId tenant, History.Talk talk, UUID flow, Instant at) {
        History.update("INSERT INTO flow_fires (tenant_id, id, conversation_id, flow_id, event_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", tenant.value(), History.idAt(at), talk.conversation, flow,
                UUID.randomUUID(), Timestamp.from(at));
    }

    private Reply figure(String path) {
        Reply reply = api().get(path, owner.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> column(Reply reply, String name) {
        return ((List<Map<String, Object>>) reply.at("rows")).stream().map(row -> row.get(name)).toList();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
