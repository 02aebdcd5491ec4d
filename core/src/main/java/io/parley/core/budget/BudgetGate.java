package io.parley.core.budget;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The hard cap, checked before each LLM call (docs/billing.md#budgets-and-hard-caps).
 *
 * <p>{@link #admit} runs one short transaction that takes the tenant's budget lock (a PostgreSQL advisory lock, so
 * every process and replica queues on the same lock), reads what each capped budget spent this period and what the
 * calls under way reserved, and then either reserves the new call's ceiling cost or answers "capped". A call is
 * admitted when {@code spent + reserved + ceiling <= limit}, or when nothing is under way and {@code spent < limit}
 * (so the last cents of a budget can still be used by one call). Because the ceiling is an upper bound of the call's
 * cost (prompt bytes — a token is at least one byte — and the completion limit, at the model's prices), the calls
 * admitted by the first rule never pass the limit together, and the second rule admits one call at a time: the
 * overshoot of a period is at most one call, whatever the number of processes or concurrent turns.
 *
 * <p>{@link #settle} replaces the reservation by the call's real cost, in the same lock, and raises the alerts of
 * the thresholds the spend crossed. A process that dies mid-call leaves its reservation until it expires
 * ({@code parley.budgets.reservation-ttl}); its call's cost is then never counted, in the tenant's favour.
 * Tenants without budgets pay one indexed read per call and take no lock.
 */
@Singleton
public final class BudgetGate {

    private final TenantScope scope;
    private final BudgetStore store;
    private final BudgetAlerts alerts;
    private final BudgetSettings settings;

    BudgetGate(TenantScope scope, BudgetStore store, BudgetAlerts alerts, BudgetSettings settings) {
        this.scope = scope;
        this.store = store;
        this.alerts = alerts;
        this.settings = settings;
    }

    /** Where a hard cap stopped a call: the budget and the period whose limit it reached. */
    public record Cap(LlmBudget budget, LlmBudget.Period period) {

        public LlmBudget.AtCap atCap() {
            return budget.atCap();
        }
    }

    /**
     * The gate's answer for one call.
     *
     * @param tracked     a budget applies: settle the call's cost afterwards
     * @param reservation the reserved ceiling, released by {@link #settle}; null when no hard cap applies or capped
     * @param cap         set when a hard cap stops the call
     */
    public record Admission(boolean tracked, @Nullable UUID reservation, @Nullable Cap cap) {

        static final Admission UNBUDGETED = new Admission(false, null, null);

        /** A hard cap applies to the call: it must carry the completion limit its ceiling assumed. */
        public boolean ceilingApplies() {
            return reservation != null;
        }
    }

    /** The completion limit a capped call carries: the bot's own, or {@code parley.budgets.max-completion-tokens}. */
    public int completionCeiling(@Nullable Integer botMaxTokens) {
        return botMaxTokens != null ? botMaxTokens : settings.maxCompletionTokens();
    }

    /** Before an LLM call of {@code botId} whose cost is at most {@code ceilingMicros}. Outside a transaction. */
    public Admission admit(TenantId tenant, UUID botId, String botName, long ceilingMicros, Instant now) {
        return scope.write(tenant, () -> {
            List<LlmBudget> budgets = store.applying(tenant, botId);
            if (budgets.isEmpty()) {
                return Admission.UNBUDGETED;
            }
            List<LlmBudget> capped = budgets.stream().filter(LlmBudget::hardCap)
                    .sorted(Comparator.comparing(budget -> budget.botId() == null)) // the bot's own budget first
                    .toList();
            if (capped.isEmpty()) {
                return new Admission(true, null, null);
            }
            store.lock(tenant);
            for (LlmBudget budget : capped) {
                for (LlmBudget.Period period : LlmBudget.Period.values()) {
                    Long limit = budget.limit(period);
                    if (limit == null) {
                        continue;
                    }
                    BudgetPeriods.Window window = BudgetPeriods.of(period, now);
                    long spent = store.spent(tenant, budget.botId(), window.key(), window.from(), window.to());
                    BudgetStore.InFlight inFlight = store.inFlight(tenant, budget.botId());
                    boolean fits = spent + inFlight.micros() + ceilingMicros <= limit;
                    boolean lastCall = inFlight.calls() == 0 && spent < limit;
                    if (!fits && !lastCall) {
                        alerts.capped(tenant, budget, period, window.key(), spent, limit, botName);
                        return new Admission(true, null, new Cap(budget, period));
                    }
                }
            }
            UUID reservation = Ids.next();
            store.reserve(tenant, reservation, botId, ceilingMicros, now.plus(settings.reservationTtl()));
            return new Admission(true, reservation, null);
        });
    }

    /** After the call (or instead of it): its real cost replaces the reservation; crossed thresholds alert. */
    public void settle(TenantId tenant, UUID botId, String botName, Admission admission, long costMicros,
                       Instant now) {
        if (!admission.tracked()) {
            return;
        }
        scope.writeVoid(tenant, () -> {
            store.lock(tenant);
            store.release(tenant, admission.reservation());
            for (LlmBudget budget : store.applying(tenant, botId)) {
                for (LlmBudget.Period period : LlmBudget.Period.values()) {
                    Long limit = budget.limit(period);
                    if (limit == null) {
                        continue;
                    }
                    BudgetPeriods.Window window = BudgetPeriods.of(period, now);
                    long spent = store.spent(tenant, budget.botId(), window.key(), window.from(), window.to());
                    if (costMicros > 0) {
                        store.addSpent(tenant, budget.botId(), window.key(), costMicros);
                    }
                    alerts.thresholds(tenant, budget, period, window.key(), spent + costMicros, limit, botName);
                }
            }
        });
    }
}
