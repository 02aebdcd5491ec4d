package io.parley.api.billing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.usage.AnsweredTurnRepository;
import io.parley.core.usage.LlmUsageRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage ledger of a month: answered messages and LLM calls, tokens and cost in total, per bot and per channel,
 * from the rows the turns write (answered_turns, llm_usage); other months and other tenants are not in it.
 */
@MicronautTest(transactional = false)
class UsageLedgerApiTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    LlmUsageRepository llm;
    @Inject
    AnsweredTurnRepository answered;

    @Test
    void readsTheMonthInTotalPerBotAndPerChannel() {
        Session owner = api().signup("Ledger Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Mei")).string("id");
        String web = channel(owner, bot, "Site");
        String web2 = channel(owner, bot, "Shop");
        TenantId tenant = tenantOf(owner);
        UUID botId = UUID.fromString(bot);
        scope.writeVoid(tenant, () -> {
            turn(tenant, botId, web, 100, 20, 30, false);
            turn(tenant, botId, web, 200, 40, 60, false);
            turn(tenant, botId, web2, 50, 10, 0, true);
        });

        Reply ledger = api().get("/api/v1/billing/usage", owner.accessToken());

        assertThat(ledger.status()).isEqualTo(200);
        assertThat(ledger.string("period")).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(ledger.at("totals")).isEqualTo(Map.of("answeredMessages", 3, "llmCalls", 3, "inputTokens", 350,
                "outputTokens", 70, "llmCostMicros", 90, "unpricedLlmCalls", 1, "broadcastRecipients", 0));
        assertThat(list(ledger, "byBot")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("botId", bot).containsEntry("botName", "Mei");
            assertThat(row.get("usage")).isEqualTo(ledger.at("totals"));
        });
        assertThat(list(ledger, "byChannel")).extracting(row -> row.get("channelName"), row -> row.get("channelType"),
                        row -> ((Map<?, ?>) row.get("usage")).get("answeredMessages"),
                        row -> ((Map<?, ?>) row.get("usage")).get("llmCostMicros"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Site", "web", 2, 90),
                        org.assertj.core.groups.Tuple.tuple("Shop", "web", 1, 0));
        assertThat(list(ledger, "unpricedModels")).singleElement()
                .satisfies(model -> assertThat(model).containsEntry("model", "unpriced-model").containsEntry("calls", 1));
    }

    @Test
    void anotherMonthIsReadWithPeriodAndTheCurrentMonthLeavesItOut() {
        Session owner = api().signup("Last Month Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Kai")).string("id");
        String web = channel(owner, bot, "Site");
        TenantId tenant = tenantOf(owner);
        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        scope.writeVoid(tenant, () -> turn(tenant, UUID.fromString(bot), web, 10, 10, 5, false));
        backdate(tenant, last.atDay(15).atStartOfDay(ZoneOffset.UTC).toInstant());

        Reply now = api().get("/api/v1/billing/usage", owner.accessToken());
        Reply then = api().get("/api/v1/billing/usage?period=" + last, owner.accessToken());

        assertThat(list(now, "byBot")).isEmpty();
        assertThat(now.at("totals.answeredMessages")).isEqualTo(0);
        assertThat(then.string("period")).isEqualTo(last.toString());
        assertThat(then.at("totals.answeredMessages")).isEqualTo(1);
        assertThat(then.at("totals.llmCostMicros")).isEqualTo(5);
        assertThat(Instant.parse(then.string("periodEnd"))).isEqualTo(last.plusMonths(1).atDay(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void anotherTenantsUsageIsNotInTheLedger() {
        Session owner = api().signup("Mine Co");
        Session stranger = api().signup("Theirs Co");
        String bot = api().post("/api/v1/bots", stranger.accessToken(), Map.of("name", "Theirs")).string("id");
        String web = channel(stranger, bot, "Site");
        TenantId theirs = tenantOf(stranger);
        scope.writeVoid(theirs, () -> turn(theirs, UUID.fromString(bot), web, 10, 10, 5, false));

        Reply mine = api().get("/api/v1/billing/usage", owner.accessToken());

        assertThat(list(mine, "byBot")).isEmpty();
        assertThat(list(mine, "byChannel")).isEmpty();
        assertThat(mine.at("totals.llmCalls")).isEqualTo(0);
        assertThat(api().get("/api/v1/billing/usage", stranger.accessToken()).at("totals.llmCalls")).isEqualTo(1);
    }

    @Test
    void onlyOwnersAndAdminsReadItAndAPeriodMustBeAMonth() {
        Session owner = api().signup("Ledger Roles Co");
        Teams teams = new Teams(api());

        assertThat(api().get("/api/v1/billing/usage", teams.addMember(owner, "admin").accessToken()).status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/billing/usage", teams.addMember(owner, "agent").accessToken()).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/billing/usage", teams.addMember(owner, "viewer").accessToken()).status())
                .isEqualTo(403);
        for (String period : List.of("2026-13", "2026-1", "december", "2026-12-01")) {
            Reply bad = api().get("/api/v1/billing/usage?period=" + period, owner.accessToken());
            assertThat(bad.status()).as(period).isEqualTo(400);
            assertThat(bad.contentType()).isEqualTo("application/problem+json");
        }
    }

    /** One answered turn with one LLM call, as ReplyWriter records them. */
    private void turn(TenantId tenant, UUID bot, String channel, int in, int out, long cost, boolean unpriced) {
        UUID channelId = UUID.fromString(channel);
        UUID conversation = UUID.randomUUID();
        answered.insert(tenant.value(), Ids.next(), bot, channelId, conversation);
        llm.record(tenant.value(), Ids.next(), bot, channelId, null, conversation, "openai-compatible",
                unpriced ? "unpriced-model" : "gpt-4o-mini", in, out, 100, "ok", cost, unpriced);
    }

    private void backdate(TenantId tenant, Instant when) {
        try (var connection = io.parley.core.testing.TestDatabase.shared().openSuperuserConnection();
             var turns = connection.prepareStatement("UPDATE answered_turns SET answered_at = ? WHERE tenant_id = ?");
             var calls = connection.prepareStatement("UPDATE llm_usage SET created_at = ? WHERE tenant_id = ?")) {
            for (var statement : List.of(turns, calls)) {
                statement.setTimestamp(1, Timestamp.from(when));
                statement.setObject(2, tenant.value());
                statement.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String channel(Session owner, String bot, String name) {
        Reply created = api().post("/api/v1/bots/" + bot + "/channels", owner.accessToken(),
                Map.of("type", "web", "name", name, "credentials", Map.of()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    private static TenantId tenantOf(Session session) {
        return new TenantId(UUID.fromString(session.tenantId()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Reply reply, String path) {
        return (List<Map<String, Object>>) reply.at(path);
    }
}
