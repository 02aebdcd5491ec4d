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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure against a hand-computed expectation, for a tenant in America/New_York across the start of DST
 * (2026-03-08 02:00 EST → 03:00 EDT: that local day has 23 hours). Times below are UTC, with the local time each
 * stands for. Contacts: C3 (seen 03-01 only), C1 (first seen 03-07 23:30 EST), C2 (first seen 03-09).
 */
@MicronautTest(transactional = false)
class AnalyticsFiguresTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    AnalyticsRollup rollup;

    Session owner;
    UUID bot;
    UUID channel;
    History.Talk c1;
    History.Talk c2;

    static final String RANGE = "from=2026-03-07&to=2026-03-09";

    @BeforeAll
    void history() {
        owner = api().signup("Figures Co");
        assertThat(api().patch("/api/v1/tenant", owner.accessToken(), Map.of("timeZone", "America/New_York"))
                .status()).isEqualTo(200);
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        bot = History.botOf(channel);
        History history = new History(tenant.value(), bot, channel);

        History.Talk c3 = history.contact("C3", at("2026-03-01T15:00:00Z"));          // 03-01 10:00 EST
        c3.says(at("2026-03-01T15:00:00Z"));

        c1 = history.contact("C1", at("2026-03-08T04:30:00Z"));                         // 03-07 23:30 EST
        UUID first = c1.says(at("2026-03-08T04:30:00Z"));
        c1.llmCall(at("2026-03-08T04:30:01Z"), "ok", 1100, 100, 20, 5000);
        c1.answered(first, at("2026-03-08T04:30:01Z"), "llm", Duration.ofMillis(1200), "read", null);
        UUID button = c1.says(at("2026-03-09T03:30:00Z"), "{\"postbackData\":\"menu:hours\"}"); // 03-08 23:30 EDT
        c1.answered(button, at("2026-03-09T03:30:00Z"), "flow", Duration.ofMillis(300), "delivered", null);
        c1.says(at("2026-03-09T12:00:00Z"));                                            // 03-09 08:00 EDT

        c2 = history.contact("C2", at("2026-03-09T04:30:00Z"));                         // 03-09 00:30 EDT
        UUID asks = c2.says(at("2026-03-09T04:30:00Z"));
        c2.llmCall(at("2026-03-09T04:30:02Z"), "ok", 2400, 200, 40, 9000);
        c2.llmCall(at("2026-03-09T04:30:32Z"), "timeout", 30000, 0, 0, 0);
        c2.answered(asks, at("2026-03-09T04:30:02Z"), "llm", Duration.ofMillis(2500), "failed",
                "131047: Re-engagement message");
        c2.handedOff(at("2026-03-09T13:00:00Z"), "flow");
        c2.agentWrites(at("2026-03-09T13:02:30Z"));

        rollup.refresh(tenant);
    }

    @Test
    void countsMessagesPerLocalDayAcrossTheDstChange() {
        Reply messages = figure("/api/v1/analytics/messages?" + RANGE);

        assertThat(messages.string("timeZone")).isEqualTo("America/New_York");
        assertThat(column(messages, "bucket")).containsExactly("2026-03-07", "2026-03-08", "2026-03-09");
        assertThat(column(messages, "messagesIn")).containsExactly(1, 1, 2);
        assertThat(column(messages, "messagesOut_bot_llm")).containsExactly(1, 0, 1);
        assertThat(column(messages, "messagesOut_bot_flow")).containsExactly(0, 1, 0);
        assertThat(column(messages, "messagesOut_agent")).containsExactly(0, 0, 1);
        assertThat(column(messages, "conversationsStarted")).containsExactly(1, 0, 1);
        assertThat(messages.at("totals.messagesOut")).isEqualTo(4);
    }

    @Test
    void groupsTheDstDayIntoItsTwentyThreeLocalHours() {
        Reply hours = figure("/api/v1/analytics/messages?from=2026-03-08&to=2026-03-08&groupBy=hour");

        List<Object> buckets = column(hours, "bucket");
        assertThat(buckets).hasSize(23).contains("2026-03-08T01:00-05:00", "2026-03-08T03:00-04:00")
                .doesNotContain("2026-03-08T02:00-05:00", "2026-03-08T02:00-04:00");
        int late = buckets.indexOf("2026-03-08T23:00-04:00");
        assertThat(column(hours, "messagesIn").get(late)).isEqualTo(1);
    }

    @Test
    void splitsActiveContactsIntoNewAndReturning() {
        Reply contacts = figure("/api/v1/analytics/contacts?" + RANGE);

        assertThat(column(contacts, "activeContacts")).containsExactly(1, 1, 2);
        assertThat(column(contacts, "newContacts")).containsExactly(1, 0, 1);
        assertThat(column(contacts, "returningContacts")).containsExactly(0, 1, 1);
    }

    @Test
    void countsDailyWeeklyAndMonthlyActiveContactsAndStickiness() {
        Reply active = figure("/api/v1/analytics/active-contacts?" + RANGE);

        assertThat(column(active, "dau")).containsExactly(1, 1, 2);
        assertThat(column(active, "wau")).containsExactly(2, 1, 2); // C3's 03-01 is in the week ending 03-07
        assertThat(column(active, "mau")).containsExactly(2, 2, 3);
        assertThat(column(active, "stickiness")).containsExactly(0.5, 0.5, 0.6667);
    }

    @Test
    void retainsContactsByTheDayTheyWereFirstSeen() {
        Reply cohorts = figure("/api/v1/analytics/retention?from=2026-03-01&to=2026-03-09");

        assertThat(column(cohorts, "cohort")).containsExactly("2026-03-01", "2026-03-07", "2026-03-09");
        assertThat(column(cohorts, "contacts")).containsExactly(1, 1, 1);
        assertThat(column(cohorts, "d1")).containsExactly(0.0, 1.0, 0.0); // C1 came back the next local day
        assertThat(column(cohorts, "d7")).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void readsReplyAndLlmLatencyPercentilesWithinOnePercent() {
        Reply latency = figure("/api/v1/analytics/latency?" + RANGE);

        assertThat(number(latency.at("totals.replies"))).isEqualTo(3);
        assertThat(number(latency.at("totals.replyP50"))).isCloseTo(1200, within(12L)); // of 300, 1200, 2500 ms
        assertThat(number(latency.at("totals.replyP95"))).isCloseTo(2500, within(25L));
        assertThat(number(latency.at("totals.replyP99"))).isCloseTo(2500, within(25L));
        assertThat(number(latency.at("totals.llmP50"))).isCloseTo(2400, within(24L));   // of 1100, 2400, 30000
        assertThat(number(latency.at("totals.llmP99"))).isCloseTo(30000, within(300L));
        assertThat(column(latency, "replyP50").get(1)).satisfies(p -> assertThat(number(p)).isCloseTo(300, within(3L)));
    }

    @Test
    void addsUpLlmCallsTokensAndCostPerActiveContact() {
        Reply llm = figure("/api/v1/analytics/llm?" + RANGE);

        assertThat(llm.at("totals.calls")).isEqualTo(3);
        assertThat(llm.at("totals.calls_ok")).isEqualTo(2);
        assertThat(llm.at("totals.calls_timeout")).isEqualTo(1);
        assertThat(llm.at("totals.promptTokens")).isEqualTo(300);
        assertThat(llm.at("totals.completionTokens")).isEqualTo(60);
        assertThat(llm.at("totals.costMicros")).isEqualTo(14000);
        assertThat(llm.at("totals.activeContacts")).isEqualTo(2);
        assertThat(llm.at("totals.costPerActiveContactMicros")).isEqualTo(7000);
        assertThat(llm.at("totals.costPerConversationMicros")).isEqualTo(7000);
        assertThat(column(llm, "costMicros")).containsExactly(5000, 0, 9000);
    }

    @Test
    void ranksTheMostExpensiveContactsFirst() {
        Reply costs = figure("/api/v1/analytics/costs?by=contact&" + RANGE);

        assertThat(column(costs, "contactId")).containsExactly(c2.contact.toString(), c1.contact.toString());
        assertThat(column(costs, "costMicros")).containsExactly(9000, 5000);
        assertThat(figure("/api/v1/analytics/costs?by=bot&" + RANGE).at("rows")).asString()
                .contains(bot.toString(), "14000");
    }

    @Test
    void measuresContainmentAndTheAgentsFirstResponse() {
        Reply containment = figure("/api/v1/analytics/containment?" + RANGE);

        assertThat(containment.at("totals.activeConversations")).isEqualTo(2);
        assertThat(containment.at("totals.handedOffConversations")).isEqualTo(1);
        assertThat(containment.at("totals.handoffsByFlow")).isEqualTo(1);
        assertThat(containment.at("totals.containedShare")).isEqualTo(0.5);
        assertThat(containment.at("totals.agentFirstResponseP50Ms")).isEqualTo(150000);
        assertThat(column(containment, "handedOffConversations")).containsExactly(0, 0, 1);
    }

    @Test
    void countsTheHandOffsOfTheFilteredBotOrChannelOnly() {
        assertThat(figure("/api/v1/analytics/containment?" + RANGE + "&botId=" + bot)
                .at("totals.handedOffConversations")).isEqualTo(1);
        assertThat(figure("/api/v1/analytics/containment?" + RANGE + "&channelId=" + channel)
                .at("totals.agentFirstResponseP50Ms")).isEqualTo(150000);
        assertThat(figure("/api/v1/analytics/containment?" + RANGE + "&channelId=" + java.util.UUID.randomUUID())
                .at("totals.handedOffConversations")).isEqualTo(0);
    }

    @Test
    void countsDeliveryStatusesAndFailuresByProviderCode() {
        Reply delivery = figure("/api/v1/analytics/delivery?" + RANGE);
        Reply failures = figure("/api/v1/analytics/delivery/failures?" + RANGE);
        Reply buttons = figure("/api/v1/analytics/buttons?" + RANGE);

        assertThat((List<?>) delivery.at("rows")).singleElement().isEqualTo(Map.of("channelId", channel.toString(),
                "queued", 0, "sent", 1, "delivered", 1, "read", 1, "failed", 1));
        assertThat((List<?>) failures.at("rows")).singleElement().isEqualTo(Map.of("channelId", channel.toString(),
                "code", "131047", "messages", 1));
        assertThat((List<?>) buttons.at("rows")).singleElement().isEqualTo(Map.of("postback", "menu:hours",
                "presses", 1));
    }

    @Test
    void filtersByBotAndChannel() {
        Reply other = figure("/api/v1/analytics/messages?" + RANGE + "&channelId=" + UUID.randomUUID());
        Reply same = figure("/api/v1/analytics/messages?" + RANGE + "&botId=" + bot + "&channelId=" + channel);

        assertThat(other.at("totals.messagesIn")).isEqualTo(0);
        assertThat(same.at("totals.messagesIn")).isEqualTo(4);
    }

    private Reply figure(String path) {
        Reply reply = api().get(path, owner.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    @SuppressWarnings("unchecked")
    static List<Object> column(Reply reply, String name) {
        return ((List<Map<String, Object>>) reply.at("rows")).stream().map(row -> row.get(name)).toList();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }
}
