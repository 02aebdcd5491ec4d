package io.parley.core.plan;

import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

/**
 * Checks a tenant's plan before it creates something the plan counts. Call inside the tenant's write transaction:
 * the tenant row is locked, so two concurrent creations cannot both take the last free slot.
 */
@Singleton
public final class PlanGuard {

    private final PlanRepository plans;

    PlanGuard(PlanRepository plans) {
        this.plans = plans;
    }

    /** Throws {@link PlanLimitReachedException} when one more {@code limit} would exceed the plan. */
    public void requireRoomForOneMore(TenantId tenant, PlanLimit limit) {
        PlanRow plan = plans.lockTenantPlan(tenant.value())
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant + " has no plan"));
        Integer max = limit.of(plan);
        if (max == null) {
            return;
        }
        long current = switch (limit) {
            case BOTS -> plans.countBots(tenant.value());
            case CHANNELS -> plans.countChannels(tenant.value());
            case MEMBERS -> plans.countMembers(tenant.value());
        };
        if (current + 1 > max) {
            throw new PlanLimitReachedException(plan, limit, max);
        }
    }
}
