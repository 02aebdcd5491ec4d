package io.parley.core.budget;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.UUID;

/**
 * Reads and saves the budgets a tenant sets (the API's side of {@link BudgetGate}). Call inside the tenant's scope.
 */
@Singleton
public final class Budgets {

    private final BudgetStore store;

    Budgets(BudgetStore store) {
        this.store = store;
    }

    /** A budget with what its scope spent this UTC month and day. */
    public record View(LlmBudget budget, long spentThisMonthMicros, long spentTodayMicros) {
    }

    /** The tenant's budget ({@code botId} null) or a bot's; one without limits when none was set. */
    public View view(TenantId tenant, @Nullable UUID botId, Instant now) {
        LlmBudget budget = store.find(tenant, botId).orElse(LlmBudget.none(botId));
        BudgetPeriods.Window month = BudgetPeriods.of(LlmBudget.Period.MONTHLY, now);
        BudgetPeriods.Window day = BudgetPeriods.of(LlmBudget.Period.DAILY, now);
        return new View(budget, store.peekSpent(tenant, botId, month.key(), month.from(), month.to()),
                store.peekSpent(tenant, botId, day.key(), day.from(), day.to()));
    }

    /**
     * Saves a budget. Its spend is counted again from the call log at the next call, so a budget removed and set
     * again mid-month still counts the whole month.
     */
    public void save(TenantId tenant, LlmBudget budget) {
        store.lock(tenant); // not while a call is admitted or settled
        store.save(tenant, budget);
        store.resetSpent(tenant, budget.botId());
    }
}
