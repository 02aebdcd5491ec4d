package io.parley.core.billing;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.account.TenantRepository;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The tenant's customer in Parley's Stripe, created once (docs/billing.md): by the first checkout or portal visit, or
 * by an operator's credit grant. Stripe is called outside any transaction; the idempotency key
 * ({@code customer-<tenant>}) and the billing row's lock keep it one customer even when two callers race.
 */
@Singleton
public final class BillingCustomers {

    private final TenantScope scope;
    private final TenantBillingRepository billing;
    private final TenantRepository tenants;
    private final StripeGateway stripe;
    private final AuditLog audit;

    BillingCustomers(TenantScope scope, TenantBillingRepository billing, TenantRepository tenants,
                     StripeGateway stripe, AuditLog audit) {
        this.scope = scope;
        this.billing = billing;
        this.tenants = tenants;
        this.stripe = stripe;
        this.audit = audit;
    }

    /** The tenant's Stripe customer id, creating the customer (named as the tenant, with {@code email}) if needed. */
    public String ensure(TenantId tenant, @Nullable String email, Actor actor) {
        TenantBillingRow row = scope.read(tenant, () -> billing.find(tenant.value()).orElse(null));
        if (row != null && row.stripeCustomerId() != null) {
            return row.stripeCustomerId();
        }
        String name = scope.read(tenant, () -> tenants.findById(tenant.value()).orElseThrow().name());
        String created = stripe.createCustomer(tenant, name, email);
        return scope.write(tenant, () -> {
            TenantBillingRow locked = billing.lock(tenant.value());
            if (locked.stripeCustomerId() != null) {
                return locked.stripeCustomerId();
            }
            billing.setCustomer(tenant.value(), created);
            billing.routeCustomer(created, tenant.value());
            audit.record(tenant, actor, "billing.customer.created", "customer", created, Map.of());
            return created;
        });
    }
}
