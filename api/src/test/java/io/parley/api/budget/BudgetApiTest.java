package io.parley.api.budget;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenant's and each bot's LLM budget: read, merge-patched, validated, owner/admin only, tenant-isolated. */
@MicronautTest(transactional = false)
class BudgetApiTest extends ApiTest {

    @Test
    void aTenantWithoutABudgetReadsTheDefaults() {
        Session owner = api().signup("Budget Defaults Co");

        Reply budget = api().get("/api/v1/billing/budget", owner.accessToken());

        assertThat(budget.status()).isEqualTo(200);
        assertThat(budget.body()).containsEntry("botId", null).containsEntry("monthlyLimitMicros", null)
                .containsEntry("dailyLimitMicros", null).containsEntry("alertThresholds", List.of(50, 80, 100))
                .containsEntry("hardCap", true).containsEntry("atCap", "message")
                .containsEntry("spentThisMonthMicros", 0).containsEntry("spentTodayMicros", 0);
    }

    @Test
    void anOwnerSetsTheTenantsBudgetAndAMergePatchKeepsWhatItLeavesOut() {
        Session owner = api().signup("Budget Patch Co");

        Reply set = api().patch("/api/v1/billing/budget", owner.accessToken(), Map.of("monthlyLimitMicros", 10_000_000,
                "dailyLimitMicros", 500_000, "alertThresholds", List.of(90, 25, 90), "atCap", "cheaper_model",
                "capModel", "gpt-4o-mini"));
        Map<String, Object> removeDaily = new HashMap<>();
        removeDaily.put("dailyLimitMicros", null);
        Reply patched = api().send("PATCH", "/api/v1/billing/budget", owner.accessToken(), removeDaily,
                Map.of("Content-Type", "application/merge-patch+json"));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).containsEntry("alertThresholds", List.of(25, 90));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body()).containsEntry("monthlyLimitMicros", 10_000_000).containsEntry("dailyLimitMicros", null)
                .containsEntry("atCap", "cheaper_model").containsEntry("capModel", "gpt-4o-mini");
        assertThat(api().get("/api/v1/billing/budget", owner.accessToken()).body()).isEqualTo(patched.body());
        assertThat(api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst())
                .containsEntry("action", "billing.budget.updated");
    }

    @Test
    void aBotsBudgetIsItsOwn() {
        Session owner = api().signup("Bot Budget Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Shop")).string("id");

        Reply set = api().patch("/api/v1/bots/" + bot + "/budget", owner.accessToken(),
                Map.of("dailyLimitMicros", 200_000, "atCap", "flows_only"));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).containsEntry("botId", bot).containsEntry("dailyLimitMicros", 200_000)
                .containsEntry("atCap", "flows_only");
        assertThat(api().get("/api/v1/billing/budget", owner.accessToken()).at("dailyLimitMicros")).isNull();
    }

    @Test
    void invalidBudgetsAreRejected() {
        Session owner = api().signup("Budget Rules Co");

        assertThat(api().patch("/api/v1/billing/budget", owner.accessToken(), Map.of("atCap", "cheaper_model"))
                .string("errors.0.field")).isEqualTo("capModel");
        assertThat(api().patch("/api/v1/billing/budget", owner.accessToken(), Map.of("atCap", "silence"))
                .status()).isEqualTo(400);
        assertThat(api().patch("/api/v1/billing/budget", owner.accessToken(), Map.of("monthlyLimitMicros", 0))
                .status()).isEqualTo(400);
        assertThat(api().patch("/api/v1/billing/budget", owner.accessToken(), Map.of("alertThresholds", List.of(0)))
                .status()).isEqualTo(400);
        Reply unknown = api().patch("/api/v1/billing/budget", owner.accessToken(), Map.of("monthlyLimit", 5));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void agentsAndViewersCannotReadOrChangeBudgets() {
        Session owner = api().signup("Budget Roles Co");
        Teams teams = new Teams(api());
        Session admin = teams.addMember(owner, "admin");
        Session agent = teams.addMember(owner, "agent");
        Session viewer = teams.addMember(owner, "viewer");

        assertThat(api().patch("/api/v1/billing/budget", admin.accessToken(), Map.of("monthlyLimitMicros", 5))
                .status()).isEqualTo(200);
        assertThat(api().get("/api/v1/billing/budget", agent.accessToken()).status()).isEqualTo(403);
        assertThat(api().patch("/api/v1/billing/budget", agent.accessToken(), Map.of("monthlyLimitMicros", 5))
                .status()).isEqualTo(403);
        assertThat(api().get("/api/v1/billing/budget", viewer.accessToken()).status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsBotIsNotFound() {
        Session owner = api().signup("Mine Budget Co");
        Session other = api().signup("Theirs Budget Co");
        String theirs = api().post("/api/v1/bots", other.accessToken(), Map.of("name", "Theirs")).string("id");

        assertThat(api().get("/api/v1/bots/" + theirs + "/budget", owner.accessToken()).status()).isEqualTo(404);
        assertThat(api().patch("/api/v1/bots/" + theirs + "/budget", owner.accessToken(),
                Map.of("monthlyLimitMicros", 5)).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/bots/" + theirs + "/budget", other.accessToken()).at("monthlyLimitMicros"))
                .isNull();
    }
}
