package io.parley.api.billing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.parley.api.caller.Caller;
import io.parley.core.ServerRoles;
import io.parley.core.audit.AuditLog;
import io.parley.core.billing.BillingCustomers;
import io.parley.core.billing.BillingNotConfiguredException;
import io.parley.core.billing.BillingSettings;
import io.parley.core.billing.StripeGateway;
import io.parley.core.billing.StripeUnavailableException;
import io.parley.core.billing.SubscriptionState;
import io.parley.core.billing.SubscriptionSync;
import io.parley.core.billing.TenantBillingRepository;
import io.parley.core.billing.TenantBillingRow;
import io.parley.core.billing.TenantCredits;
import io.parley.core.plan.PlanRepository;
import io.parley.core.plan.PlanRow;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Billing of the active tenant through Parley's Stripe account: the billing page, checkout, plan changes and the
 * customer portal. Owners and admins only. Stripe is called outside database transactions; what it answers is then
 * written in the tenant's scope (SubscriptionSync), so a slow Stripe never holds a row lock.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
class BillingService {

    private static final int INVOICES = 12;

    private final TenantScope scope;
    private final TenantBillingRepository billing;
    private final BillingCustomers customers;
    private final TenantCredits credits;
    private final PlanRepository plans;
    private final StripeGateway stripe;
    private final SubscriptionSync sync;
    private final BillingUsage usage;
    private final AuditLog audit;
    private final String dashboardUrl;

    BillingService(TenantScope scope, TenantBillingRepository billing, BillingCustomers customers, TenantCredits credits,
                   PlanRepository plans,
                   StripeGateway stripe, SubscriptionSync sync, BillingUsage usage, AuditLog audit,
                   BillingSettings settings, @Value("${parley.public-url}") String publicUrl) {
        this.scope = scope;
        this.billing = billing;
        this.customers = customers;
        this.credits = credits;
        this.plans = plans;
        this.stripe = stripe;
        this.sync = sync;
        this.usage = usage;
        this.audit = audit;
        this.dashboardUrl = settings.dashboardUrl() != null && !settings.dashboardUrl().isBlank()
                ? settings.dashboardUrl().replaceAll("/+$", "") : publicUrl.replaceAll("/+$", "") + "/billing";
    }

    BillingWire.BillingResponse describe(Caller caller) {
        TenantId tenant = requireBilling(caller);
        TenantBillingRow row = scope.read(tenant, () -> billing.find(tenant.value()).orElse(null));
        List<BillingWire.InvoiceView> invoices = List.of();
        if (row != null && row.stripeCustomerId() != null) {
            try {
                invoices = stripe.invoices(row.stripeCustomerId(), INVOICES).stream()
                        .map(BillingWire.InvoiceView::of).toList();
            } catch (StripeUnavailableException e) {
                invoices = null; // the page still shows plan and usage, which are Parley's own data
            }
        }
        return view(tenant, invoices, CreditWire.CreditView.of(credits.describe(tenant)));
    }

    BillingWire.RedirectUrl checkout(Caller caller, String planId) {
        TenantId tenant = requireBilling(caller);
        PlanRow plan = purchasable(planId);
        TenantBillingRow row = scope.read(tenant, () -> billing.find(tenant.value()).orElse(null));
        if (row != null && row.hasLiveSubscription()) {
            throw ProblemException.conflict("This tenant already has a subscription (" + row.status() + "); change "
                    + "its plan with POST /api/v1/billing/subscription or in the billing portal.");
        }
        String customer = customer(tenant, caller);
        String url = stripe.checkoutUrl(tenant, customer, plan.id(), plan.stripePriceId(),
                dashboardUrl + "?checkout=success&session_id={CHECKOUT_SESSION_ID}", dashboardUrl + "?checkout=canceled");
        scope.writeVoid(tenant, () -> audit.record(tenant, caller.actor(), "billing.checkout.started", "plan",
                plan.id(), Map.of("plan", plan.id())));
        return new BillingWire.RedirectUrl(url);
    }

    BillingWire.BillingResponse changePlan(Caller caller, String planId) {
        TenantId tenant = requireBilling(caller);
        PlanRow plan = purchasable(planId);
        TenantBillingRow row = scope.read(tenant, () -> billing.find(tenant.value()).orElse(null));
        if (row == null || !row.hasLiveSubscription()) {
            throw ProblemException.conflict("This tenant has no subscription to change; start one with "
                    + "POST /api/v1/billing/checkout.");
        }
        if (!plan.id().equals(row.planId())) {
            SubscriptionState changed = stripe.changePrice(row.stripeSubscriptionId(), plan.id(), plan.stripePriceId());
            scope.writeVoid(tenant, () -> {
                sync.apply(tenant, changed, caller.actor());
                audit.record(tenant, caller.actor(), "billing.plan.changed", "subscription",
                        row.stripeSubscriptionId(), Map.of("from", String.valueOf(row.planId()), "to", plan.id()));
            });
        }
        return view(tenant, null, null);
    }

    BillingWire.RedirectUrl portal(Caller caller) {
        TenantId tenant = requireBilling(caller);
        String customer = customer(tenant, caller);
        String url = stripe.portalUrl(customer, dashboardUrl);
        scope.writeVoid(tenant, () -> audit.record(tenant, caller.actor(), "billing.portal.opened", "customer",
                customer, Map.of()));
        return new BillingWire.RedirectUrl(url);
    }

    private TenantId requireBilling(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        if (!stripe.configured()) {
            throw new BillingNotConfiguredException();
        }
        return tenant;
    }

    private PlanRow purchasable(String planId) {
        PlanRow plan = plans.findById(planId.trim()).filter(PlanRow::listed)
                .orElseThrow(() -> ProblemException.invalidField("planId", "is not a plan of this Parley"));
        if (plan.stripePriceId() == null) {
            throw ProblemException.invalidField("planId", "the " + plan.name() + " plan cannot be bought");
        }
        return plan;
    }

    private String customer(TenantId tenant, Caller caller) {
        String email = caller.label() != null && caller.label().contains("@") ? caller.label() : null;
        return customers.ensure(tenant, email, caller.actor());
    }

    private BillingWire.BillingResponse view(TenantId tenant, List<BillingWire.InvoiceView> invoices,
                                             CreditWire.CreditView credit) {
        return scope.read(tenant, () -> {
            PlanRow plan = plans.tenantPlan(tenant.value()).orElseThrow();
            TenantBillingRow row = billing.find(tenant.value()).orElse(null);
            return new BillingWire.BillingResponse(BillingWire.BillingPlan.of(plan), BillingUsage.subscription(row),
                    usage.of(tenant, plan), invoices, credit);
        });
    }
}
