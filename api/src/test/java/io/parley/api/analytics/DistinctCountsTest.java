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
import java.util.Map;
import java.util.UUID;

import static io.parley.api.analytics.AnalyticsFiguresTest.at;
import static io.parley.api.analytics.AnalyticsFiguresTest.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precomputed distinct counts (V150) for weeks, months, partial weeks and whole ranges, against hand-computed
 * expectations: the same two contacts for a tenant in America/New_York across the end of DST (2026-11-01 02:00 EDT
 * → 01:00 EST: that local day has 25 hours) and one in Asia/Kolkata (UTC+5:30, no DST). Local days of activity:
 *
 * <pre>
 *            New York                          Kolkata
 * A (first)  10-30, 11-01, 11-09               10-31, 11-02, 11-09
 * B (first)  11-01 (01:30 EDT and EST), 11-08  11-01, 11-09
 * </pre>
 * ISO weeks: 10-26..11-01, 11-02..11-08, 11-09..11-15.
 */
@MicronautTest(transactional = false)
class DistinctCountsTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    AnalyticsRollup rollup;

    Session newYork;
    Session kolkata;
    UUID newYorkBot;

    static final String RANGE = "from=2026-10-30&to=2026-11-09";

    @BeforeAll
    void history() {
        newYork = tenant("Eastern Co", "America/New_York");
        kolkata = tenant("Kolkata Co", "Asia/Kolkata");
    }

    private Session tenant(String name, String zone) {
        Session owner = api().signup(name);
        assertThat(api().patch("/api/v1/tenant", owner.accessToken(), Map.of("timeZone", zone)).status())
                .isEqualTo(200);
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        UUID bot = History.botOf(channel);
        if (newYorkBot == null) {
            newYorkBot = bot;
        }
        History history = new History(tenant.value(), bot, channel);
        History.Talk a = history.contact("A", at("2026-10-31T03:30:00Z"));   // NY 10-30 23:30 EDT, IST 10-31 09:00
        a.says(at("2026-10-31T03:30:00Z"));
        a.llmCall(at("2026-10-31T03:30:01Z"), "ok", 900, 10, 10, 2000);
        a.says(at("2026-11-02T04:30:00Z"));                                    // NY 11-01 23:30 EST, IST 11-02 10:00
        a.says(at("2026-11-09T12:00:00Z"));                                    // NY 11-09 07:00, IST 11-09 17:30
        History.Talk b = history.contact("B", at("2026-11-01T05:30:00Z"));   // NY 11-01 01:30 EDT, IST 11-01 11:00
        b.says(at("2026-11-01T05:30:00Z"));
        b.says(at("2026-11-01T06:30:00Z"));                                    // NY 11-01 01:30 EST, IST 11-01 12:00
        b.llmCall(at("2026-11-01T06:30:01Z"), "ok", 900, 10, 10, 5000);
        b.says(at("2026-11-08T18:45:00Z"));                                    // NY 11-08 13:45, IST 11-09 00:15
        rollup.refresh(tenant);
        return owner;
    }

    @Test
    void countsActiveAndNewContactsPerIsoWeekInEachZone() {
        Reply eastern = figure(newYork, "/api/v1/analytics/contacts?groupBy=week&" + RANGE);
        Reply indian = figure(kolkata, "/api/v1/analytics/contacts?groupBy=week&" + RANGE);

        assertThat(column(eastern, "bucket")).containsExactly("2026-10-26", "2026-11-02", "2026-11-09");
        assertThat(column(eastern, "activeContacts")).containsExactly(2, 1, 1);
        assertThat(column(eastern, "newContacts")).containsExactly(2, 0, 0);
        assertThat(column(indian, "activeContacts")).containsExactly(2, 1, 2);
        assertThat(column(indian, "newContacts")).containsExactly(2, 0, 0);
    }

    @Test
    void countsAContactOncePerMonthAndNewOnlyInTheMonthItWasFirstSeen() {
        Reply months = figure(newYork, "/api/v1/analytics/contacts?groupBy=month&" + RANGE);

        assertThat(column(months, "bucket")).containsExactly("2026-10-01", "2026-11-01");
        assertThat(column(months, "activeContacts")).containsExactly(1, 2);
        assertThat(column(months, "newContacts")).containsExactly(1, 1);
        assertThat(column(months, "returningContacts")).containsExactly(0, 1);
    }

    @Test
    void countsTheDstDayOnceForAContactActiveInBothOfItsOneThirtyHours() {
        Reply days = figure(newYork, "/api/v1/analytics/contacts?from=2026-11-01&to=2026-11-01");
        Reply hours = figure(newYork, "/api/v1/analytics/contacts?from=2026-11-01&to=2026-11-01&groupBy=hour");

        assertThat(column(days, "activeContacts")).containsExactly(2);
        assertThat(column(hours, "bucket")).hasSize(25);
        assertThat(column(hours, "activeContacts").stream().mapToInt(v -> (Integer) v).sum()).isEqualTo(3);
    }

    @Test
    void readsDailyWeeklyAndMonthlyActiveContactsFromThePrecomputedDays() {
        Reply eastern = figure(newYork, "/api/v1/analytics/active-contacts?from=2026-11-08&to=2026-11-09");
        Reply indian = figure(kolkata, "/api/v1/analytics/active-contacts?from=2026-11-08&to=2026-11-09");

        assertThat(column(eastern, "dau")).containsExactly(1, 1);
        assertThat(column(eastern, "wau")).containsExactly(1, 2);
        assertThat(column(eastern, "mau")).containsExactly(2, 2);
        assertThat(column(indian, "dau")).containsExactly(0, 2);
        assertThat(column(indian, "wau")).containsExactly(1, 2);
        assertThat(column(indian, "mau")).containsExactly(2, 2);
    }

    @Test
    void countsEachContactAndConversationOnceOverTheWholeRange() {
        Reply llm = figure(newYork, "/api/v1/analytics/llm?" + RANGE);
        Reply containment = figure(kolkata, "/api/v1/analytics/containment?" + RANGE);
        Reply byBot = figure(newYork, "/api/v1/analytics/costs?by=bot&" + RANGE);

        assertThat(llm.at("totals.activeContacts")).isEqualTo(2);
        assertThat(llm.at("totals.activeConversations")).isEqualTo(2);
        assertThat(llm.at("totals.costPerActiveContactMicros")).isEqualTo(3500);
        assertThat(containment.at("totals.activeConversations")).isEqualTo(2);
        assertThat(byBot.at("rows")).isEqualTo(java.util.List.of(Map.of("botId", newYorkBot.toString(),
                "llmCalls", 2, "costMicros", 7000, "messagesIn", 6, "contacts", 2, "conversations", 2,
                "costPerContactMicros", 3500)));
    }

    @Test
    void retainsWeekCohortsCountingOnlyTheContactsFirstSeenInsideTheRange() {
        Reply eastern = figure(newYork, "/api/v1/analytics/retention?cohort=week&" + RANGE);
        Reply indian = figure(kolkata, "/api/v1/analytics/retention?cohort=week&" + RANGE);
        Reply fromSaturday = figure(newYork, "/api/v1/analytics/retention?cohort=week&from=2026-10-31&to=2026-11-09");

        assertThat(column(eastern, "cohort")).containsExactly("2026-10-26");
        assertThat(column(eastern, "contacts")).containsExactly(2);
        assertThat(column(eastern, "week1")).containsExactly(0.5);  // B on 11-08
        assertThat(column(eastern, "week2")).containsExactly(0.5);  // A on 11-09
        assertThat(column(indian, "week1")).containsExactly(0.5);   // A on 11-02
        assertThat(column(indian, "week2")).containsExactly(1.0);   // both on 11-09
        assertThat(column(fromSaturday, "contacts")).containsExactly(1); // B only: A was first seen on 10-30
        assertThat(column(fromSaturday, "week1")).containsExactly(1.0);
        assertThat(column(fromSaturday, "week2")).containsExactly(0.0);
    }

    @Test
    void filtersTheDistinctCountsByBotAndChannel() {
        Reply otherChannel = figure(newYork, "/api/v1/analytics/contacts?groupBy=week&" + RANGE + "&channelId="
                + UUID.randomUUID());
        Reply sameBot = figure(newYork, "/api/v1/analytics/contacts?groupBy=week&" + RANGE + "&botId=" + newYorkBot);
        Reply zero = figure(newYork, "/api/v1/analytics/llm?" + RANGE + "&botId=" + new UUID(0, 0));

        assertThat(column(otherChannel, "activeContacts")).containsExactly(0, 0, 0);
        assertThat(column(sameBot, "activeContacts")).containsExactly(2, 1, 1);
        assertThat(zero.at("totals.activeContacts")).isEqualTo(0);
    }

    private Reply figure(Session owner, String path) {
        Reply reply = api().get(path, owner.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }
}
