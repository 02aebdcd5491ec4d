package io.parley.api.llmprice;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.usage.LlmUsageRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price table API: every role reads it, owners and admins set and remove the tenant's own prices, which win over
 * the operator's for that tenant only; the models called this month without a price are listed.
 */
@MicronautTest(transactional = false)
class LlmPriceApiTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    LlmUsageRepository usage;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.llm.prices.house-model.input-per-million", "1000000",
                "parley.llm.prices.house-model.output-per-million", "3000000");
    }

    @Test
    void everyRoleReadsTheOperatorsPricesIncludingTheFreeDemoLlm() {
        Session owner = api().signup("Prices Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");

        Reply table = api().get("/api/v1/llm-prices", viewer.accessToken());

        assertThat(table.status()).isEqualTo(200);
        assertThat(price(table, "house-model")).containsEntry("inputPerMillion", 1000000)
                .containsEntry("outputPerMillion", 3000000).containsEntry("source", "operator")
                .containsEntry("overridesOperator", false);
        assertThat(price(table, "demo")).containsEntry("inputPerMillion", 0).containsEntry("source", "operator");
        assertThat(table.at("unpricedModels")).isEqualTo(List.of());
    }

    @Test
    void theOperatorsPricesAreWrittenIntoTheLlmPricesTableForReports() throws Exception {
        try (var connection = io.parley.core.testing.TestDatabase.shared().openSuperuserConnection();
             var statement = connection.prepareStatement(
                     "SELECT input_per_million, output_per_million FROM llm_prices WHERE model = 'house-model'");
             var rows = statement.executeQuery()) {
            assertThat(rows.next()).as("house-model is in llm_prices").isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1000000);
            assertThat(rows.getLong(2)).isEqualTo(3000000);
        }
    }

    @Test
    void anAdminsPriceOverridesTheOperatorsForItsOwnTenantOnly() {
        Session owner = api().signup("Own Price Co");
        Session admin = new Teams(api()).addMember(owner, "admin");
        Session stranger = api().signup("Stranger Co");

        Reply set = api().send("PUT", "/api/v1/llm-prices/house-model", admin.accessToken(),
                Map.of("inputPerMillion", 500000, "outputPerMillion", 0), Map.of());

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).containsEntry("model", "house-model").containsEntry("inputPerMillion", 500000)
                .containsEntry("outputPerMillion", 0).containsEntry("source", "tenant")
                .containsEntry("overridesOperator", true);
        assertThat(price(api().get("/api/v1/llm-prices", owner.accessToken()), "house-model"))
                .containsEntry("source", "tenant").containsEntry("inputPerMillion", 500000);
        assertThat(price(api().get("/api/v1/llm-prices", stranger.accessToken()), "house-model"))
                .containsEntry("source", "operator").containsEntry("inputPerMillion", 1000000);
        assertThat(api().get("/api/v1/audit-log?limit=5", owner.accessToken()).items())
                .extracting(entry -> entry.get("action")).contains("llm_price.set");
    }

    @Test
    void aModelNameWithASlashIsPercentEncodedInThePath() {
        Session owner = api().signup("Router Co");

        Reply set = api().send("PUT", "/api/v1/llm-prices/meta-llama%2FLlama-3.1-70b", owner.accessToken(),
                Map.of("inputPerMillion", 880000, "outputPerMillion", 880000), Map.of());
        Reply removed = api().delete("/api/v1/llm-prices/meta-llama%2FLlama-3.1-70b", owner.accessToken());

        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.string("model")).isEqualTo("meta-llama/Llama-3.1-70b");
        assertThat(set.at("overridesOperator")).isEqualTo(false);
        assertThat(removed.status()).isEqualTo(204);
    }

    @Test
    void removingTheTenantsPriceBringsBackTheOperatorsAndAnotherTenantsPriceIsNotFound() {
        Session owner = api().signup("Remove Co");
        Session stranger = api().signup("Other Remove Co");
        api().send("PUT", "/api/v1/llm-prices/house-model", owner.accessToken(),
                Map.of("inputPerMillion", 1, "outputPerMillion", 1), Map.of());

        Reply strangers = api().delete("/api/v1/llm-prices/house-model", stranger.accessToken());
        Reply removed = api().delete("/api/v1/llm-prices/house-model", owner.accessToken());
        Reply again = api().delete("/api/v1/llm-prices/house-model", owner.accessToken());

        assertThat(strangers.status()).isEqualTo(404);
        assertThat(strangers.contentType()).isEqualTo("application/problem+json");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
        assertThat(price(api().get("/api/v1/llm-prices", owner.accessToken()), "house-model"))
                .containsEntry("source", "operator");
    }

    @Test
    void agentsAndViewersCannotChangePrices() {
        Session owner = api().signup("Roles Co");
        Teams teams = new Teams(api());
        api().send("PUT", "/api/v1/llm-prices/x", owner.accessToken(),
                Map.of("inputPerMillion", 1, "outputPerMillion", 1), Map.of());

        for (String role : List.of("agent", "viewer")) {
            Session member = teams.addMember(owner, role);
            assertThat(api().send("PUT", "/api/v1/llm-prices/x", member.accessToken(),
                    Map.of("inputPerMillion", 2, "outputPerMillion", 2), Map.of()).status()).as(role).isEqualTo(403);
            assertThat(api().delete("/api/v1/llm-prices/x", member.accessToken()).status()).as(role).isEqualTo(403);
        }
    }

    @Test
    void aPriceMustBeTwoWholeNonNegativeAmountsAndNothingElse() {
        Session owner = api().signup("Strict Co");

        assertThat(put(owner, Map.of("inputPerMillion", -1, "outputPerMillion", 1)).status()).isEqualTo(400);
        assertThat(put(owner, Map.of("inputPerMillion", 1)).status()).isEqualTo(400);
        assertThat(put(owner, Map.of("inputPerMillion", 1, "outputPerMillion", 1, "currency", "eur")).status())
                .isEqualTo(400);
        assertThat(api().send("PUT", "/api/v1/llm-prices/with%20space", owner.accessToken(),
                Map.of("inputPerMillion", 1, "outputPerMillion", 1), Map.of()).status()).isEqualTo(400);
    }

    @Test
    void modelsCalledWithoutAPriceThisMonthAreListedUntilPriced() {
        Session owner = api().signup("Unpriced Co");
        TenantId tenant = new TenantId(UUID.fromString(owner.tenantId()));
        scope.writeVoid(tenant, () -> {
            for (int i = 0; i < 3; i++) {
                usage.record(tenant.value(), Ids.next(), UUID.randomUUID(), null, null, null, "openai-compatible",
                        "llama3:70b", 100, 20, 5, "ok", 0, true);
            }
            usage.record(tenant.value(), Ids.next(), UUID.randomUUID(), null, null, null, "openai-compatible",
                    "house-model", 100, 20, 5, "ok", 160, false);
        });

        Reply before = api().get("/api/v1/llm-prices", owner.accessToken());
        api().send("PUT", "/api/v1/llm-prices/llama3:70b", owner.accessToken(),
                Map.of("inputPerMillion", 0, "outputPerMillion", 0), Map.of());
        Reply after = api().get("/api/v1/llm-prices", owner.accessToken());

        assertThat(unpriced(before)).singleElement().satisfies(model -> {
            assertThat(model).containsEntry("model", "llama3:70b").containsEntry("calls", 3)
                    .containsEntry("inputTokens", 300).containsEntry("outputTokens", 60)
                    .containsEntry("pricedNow", false);
            assertThat(model.get("lastUsedAt")).isNotNull();
        });
        assertThat(unpriced(after)).singleElement()
                .satisfies(model -> assertThat(model).containsEntry("pricedNow", true));
    }

    private Reply put(Session session, Map<String, Object> body) {
        return api().send("PUT", "/api/v1/llm-prices/some-model", session.accessToken(), body, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> unpriced(Reply table) {
        return (List<Map<String, Object>>) table.at("unpricedModels");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> price(Reply table, String model) {
        return ((List<Map<String, Object>>) table.at("prices")).stream().filter(p -> model.equals(p.get("model")))
                .findFirst().orElseThrow(() -> new AssertionError(model + " not in " + table.text()));
    }
}
