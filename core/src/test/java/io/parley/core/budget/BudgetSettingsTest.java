package io.parley.core.budget;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.budget.LlmBudget.AtCap;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** parley.budgets.reservation-ttl and parley.budgets.max-completion-tokens are read. */
@MicronautTest(transactional = false)
class BudgetSettingsTest implements DatabaseTest {

    @Inject
    BudgetGate gate;
    @Inject
    Budgets budgets;
    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.budgets.reservation-ttl", "3h");
        properties.put("parley.budgets.max-completion-tokens", "77");
        return properties;
    }

    @Test
    void aCappedCallOfABotWithoutItsOwnLimitCarriesTheConfiguredCompletionLimit() {
        assertThat(gate.completionCeiling(null)).isEqualTo(77);
        assertThat(gate.completionCeiling(512)).isEqualTo(512);
    }

    @Test
    void aReservationHoldsForTheConfiguredTime() {
        TenantId tenant = new TenantId(Ids.next());
        UUID bot = Ids.next();
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "ttl " + tenant);
            bots.insert(tenant.value(), bot, "Test bot", "active", "", "openai-compatible", null, null, null, null,
                    null, null, null, 10, null, null, null, "none", null, null, "{}");
            budgets.save(tenant, new LlmBudget(null, 1000L, null, List.of(100), true, AtCap.MESSAGE, null, null));
        });

        gate.admit(tenant, bot, "Bot", 600, Instant.now().minusSeconds(3600)); // started an hour ago, never settled

        assertThat(gate.admit(tenant, bot, "Bot", 600, Instant.now()).cap()).isNotNull(); // 3 h: still held
    }
}
