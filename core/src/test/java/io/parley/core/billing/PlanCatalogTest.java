package io.parley.core.billing;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan catalogue is checked when Parley starts: a wrong one stops the start instead of a checkout. */
class PlanCatalogTest {

    private static final BillingSettings BILLING = new BillingSettings("pro", 14, Duration.ofDays(7), null);

    private static PlanDefinition plan(String id, int order, List<String> prices) {
        return new PlanDefinition(id, id.toUpperCase(), order, 0, "usd", prices, 1, -1, null, 10, -5L, List.of(" a ", ""),
                -1);
    }

    @Test
    void listsPlansCheapestFirstAndFindsAPlanByAnyOfItsPrices() {
        PlanCatalog catalog = new PlanCatalog(List.of(plan("pro", 2, List.of("price_new", "price_old")),
                plan("free", 1, List.of())), BILLING);

        assertThat(catalog.plans()).extracting(PlanDefinition::id).containsExactly("free", "pro");
        assertThat(catalog.forPrice("price_old")).map(PlanDefinition::id).contains("pro");
        assertThat(catalog.find("pro").orElseThrow().checkoutPriceId()).isEqualTo("price_new");
    }

    @Test
    void aNegativeOrMissingLimitIsUnlimitedAndBlankFeaturesAreDropped() {
        PlanDefinition plan = plan("free", 1, List.of());

        assertThat(plan.maxChannels()).isNull();
        assertThat(plan.maxMembers()).isNull();
        assertThat(plan.monthlyLlmBudgetMicros()).isNull();
        assertThat(plan.maxBots()).isEqualTo(1);
        assertThat(plan.features()).containsExactly("a");
    }

    @Test
    void refusesACatalogueWithoutTheFreePlan() {
        assertThatThrownBy(() -> new PlanCatalog(List.of(plan("pro", 2, List.of())), BILLING))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'free'");
    }

    @Test
    void refusesATrialOfAPlanThatDoesNotExist() {
        BillingSettings trialOfGold = new BillingSettings("gold", 14, Duration.ofDays(7), null);

        assertThatThrownBy(() -> new PlanCatalog(List.of(plan("free", 1, List.of())), trialOfGold))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gold");
    }

    @Test
    void refusesOneStripePriceForTwoPlans() {
        assertThatThrownBy(() -> new PlanCatalog(List.of(plan("free", 1, List.of()),
                plan("pro", 2, List.of("price_x")), plan("business", 3, List.of("price_x"))), BILLING))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("price_x");
    }
}
