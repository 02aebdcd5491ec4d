package io.parley.api.billing;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.billing.TenantBillingRow;
import io.parley.core.plan.PlanRepository;
import io.parley.core.plan.PlanRow;
import io.parley.core.tenancy.TenantId;
import io.parley.core.usage.UsagePeriod;
import io.parley.core.usage.UsageRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the tenant uses against each limit of its plan. Monthly quotas count per calendar month in UTC
 * ({@link UsagePeriod}), the period the turn limits enforce. Call inside the tenant's read scope.
 */
@Singleton
class BillingUsage {

    private final PlanRepository plans;
    private final UsageRepository usage;

    BillingUsage(PlanRepository plans, UsageRepository usage) {
        this.plans = plans;
        this.usage = usage;
    }

    BillingWire.UsagePeriod of(TenantId tenant, PlanRow plan) {
        Instant now = Instant.now();
        String period = UsagePeriod.of(now);
        var counters = usage.find(tenant.value(), period);
        long messages = counters.map(c -> (long) c.messages()).orElse(0L);
        long llm = counters.map(c -> c.llmCostMicros()).orElse(0L);
        Instant start = YearMonth.parse(period).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new BillingWire.UsagePeriod(start, UsagePeriod.end(now), List.of(
                item("bots", plans.countBots(tenant.value()), plan.maxBots()),
                item("channels", plans.countChannels(tenant.value()), plan.maxChannels()),
                item("members", plans.countMembers(tenant.value()), plan.maxMembers()),
                item("messagesPerMonth", messages, plan.maxMessagesPerMonth()),
                new BillingWire.UsageItem("llmBudgetMicros", llm, plan.monthlyLlmBudgetMicros())));
    }

    private static BillingWire.UsageItem item(String key, long used, @Nullable Integer limit) {
        return new BillingWire.UsageItem(key, used, limit == null ? null : limit.longValue());
    }

    /** The subscription as the page shows it; a no-card trial past its end reads as canceled. */
    @Nullable
    static BillingWire.Subscription subscription(@Nullable TenantBillingRow row) {
        if (row == null || row.status() == null) {
            return null;
        }
        boolean stripe = row.stripeSubscriptionId() != null;
        String status = !stripe && "trialing".equals(row.status()) && row.trialEndsAt() != null
                && row.trialEndsAt().isBefore(Instant.now()) ? "canceled" : row.status();
        return new BillingWire.Subscription(status, row.planId(), stripe, row.currentPeriodStart(),
                row.currentPeriodEnd(), row.trialEndsAt(), row.cancelAtPeriodEnd(), row.graceEndsAt());
    }
}
