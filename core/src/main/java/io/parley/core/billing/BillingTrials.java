package io.parley.core.billing;

import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;

/**
 * The no-card trial of a paid plan that a new tenant gets (parley.billing.trial-plan / trial-days). It needs no
 * Stripe subscription: tenant_plan_id() (V55) grants the plan until the trial's end, then the base plan again. Only
 * while Stripe is configured — without it the tenant could not pay when the trial ends.
 */
@Singleton
public final class BillingTrials {

    private final BillingSettings settings;
    private final StripeGateway stripe;
    private final TenantBillingRepository billing;
    private final AuditLog audit;

    BillingTrials(BillingSettings settings, StripeGateway stripe, TenantBillingRepository billing, AuditLog audit) {
        this.settings = settings;
        this.stripe = stripe;
        this.billing = billing;
        this.audit = audit;
    }

    /** Call inside the new tenant's write scope, in the transaction that creates it. */
    public void startFor(TenantId tenant, Actor actor) {
        if (!stripe.configured() || settings.trialDays() <= 0) {
            return;
        }
        Instant ends = Instant.now().plus(java.time.Duration.ofDays(settings.trialDays()));
        billing.startTrial(tenant.value(), settings.trialPlan(), ends);
        audit.record(tenant, actor, "billing.trial.started", "tenant", tenant.toString(),
                Map.of("plan", settings.trialPlan(), "trialEndsAt", ends.toString()));
    }
}
