package io.parley.api.admin;

import io.micronaut.core.annotation.Nullable;
import io.parley.api.admin.PlatformAdminGuard.Operator;
import io.parley.api.billing.CreditWire;
import io.parley.core.admin.OperatorTenants;
import io.parley.core.admin.PlatformAuditLog;
import io.parley.core.audit.AuditLog;
import io.parley.core.billing.BillingCustomers;
import io.parley.core.billing.BillingNotConfiguredException;
import io.parley.core.billing.StripeGateway;
import io.parley.core.billing.TenantCredits;
import io.parley.core.plan.PlanRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Granting credit from the operator console (docs/operator-console.md, "Granting credit"): a Stripe customer balance
 * transaction on the tenant's customer (created first when the tenant has none), then Parley's record of it and the
 * audit entries. The Stripe idempotency key comes from the caller's {@code Idempotency-Key} (or a fresh id): a grant
 * retried — by stripe-java after a lost answer, or by the caller with the same key — credits once.
 */
@Singleton
final class CreditGrants {

    /** Stripe's largest amount for most currencies (99,999,999 minor units). */
    static final long MAX_AMOUNT = 99_999_999L;
    static final String OTHER_CURRENCY = "The tenant's Stripe customer is billed in %s, and a credit in %s cannot be "
            + "added to its balance; grant it in Stripe's dashboard instead.";
    static final String NOT_WHOLE = "must be a whole number in the currency's minor unit";
    static final String NO_EXPIRY = "is not supported: a Stripe customer balance never expires";
    static final String BAD_KEY = "must be 1 to 100 characters: letters, digits, '-', '_', '.' or ':'";
    static final String KEY_REUSED = "This Idempotency-Key was used for another grant to this tenant.";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final TenantScope scope;
    private final OperatorTenants tenants;
    private final PlanRepository plans;
    private final BillingCustomers customers;
    private final StripeGateway stripe;
    private final TenantCredits credits;
    private final AuditLog audit;
    private final PlatformAuditLog platformAudit;

    CreditGrants(TenantScope scope, OperatorTenants tenants, PlanRepository plans, BillingCustomers customers,
                 StripeGateway stripe, TenantCredits credits, AuditLog audit, PlatformAuditLog platformAudit) {
        this.scope = scope;
        this.tenants = tenants;
        this.plans = plans;
        this.customers = customers;
        this.stripe = stripe;
        this.credits = credits;
        this.audit = audit;
        this.platformAudit = platformAudit;
    }

    CreditWire.Granted grant(TenantId tenant, AdminWire.GrantCreditRequest body, @Nullable String idempotencyKey,
                  Operator operator) {
        if (body.amount().stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalidField("amount", NOT_WHOLE); // 12.5 cents: refused, never rounded
        }
        long amount = body.amount().longValueExact();
        if (body.expiresAt() != null) {
            throw ProblemException.invalidField("expiresAt", NO_EXPIRY);
        }
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalidField("Idempotency-Key", BAD_KEY);
        }
        if (!stripe.configured()) {
            throw new BillingNotConfiguredException();
        }
        String reason = body.reason().strip();
        String key = idempotencyKey == null ? "credit-" + Ids.next() : "credit-" + tenant + "-" + idempotencyKey;
        record Before(@Nullable String ownerEmail, String currency, @Nullable TenantCredits.Grant stored) {
        }
        Before before = scope.asPlatform(tenant, () -> {
            OperatorTenants.TenantSummary summary = tenants.find(tenant.value(), Instant.now())
                    .orElseThrow(() -> ProblemException.notFound("Tenant"));
            return new Before(summary.ownerEmail(), plans.tenantPlan(tenant.value()).orElseThrow().currency(),
                    credits.byKey(tenant, key).orElse(null));
        });
        if (before.stored() != null) {
            return replay(before.stored(), amount, reason);
        }
        String customer = customers.ensure(tenant, before.ownerEmail(), operator.actor());
        // Stripe keeps one currency per customer: a credit in another one would be refused there and read as Stripe
        // failing (502); say what is wrong instead, before anything is sent
        String billedIn = stripe.balance(customer).currency();
        if (billedIn != null && !billedIn.equalsIgnoreCase(before.currency())) {
            throw ProblemException.conflict(OTHER_CURRENCY.formatted(billedIn.toUpperCase(Locale.ROOT),
                    before.currency().toUpperCase(Locale.ROOT)));
        }
        StripeGateway.BalanceCredit credit = stripe.creditBalance(customer, amount, before.currency(), reason,
                key);
        TenantCredits.Grant grant = new TenantCredits.Grant(Ids.next(), credit.amount(), credit.currency(), reason,
                operator.actor().label(), credit.transactionId(), credit.endingBalance(), Instant.now());
        return scope.asPlatform(tenant, () -> {
            if (!credits.store(tenant, grant, key, customer)) {
                return replay(credits.byKey(tenant, key).orElseThrow(), amount, reason); // a concurrent retry
            }
            Map<String, Object> details = Map.of("amount", grant.amount(), "currency", grant.currency(),
                    "reason", reason, "stripeTransactionId", grant.stripeTransactionId(),
                    "remaining", -grant.endingBalance());
            audit.record(tenant, operator.actor(), "billing.credit.granted", "customer", customer, details);
            platformAudit.record(operator.actor(), "billing.credit.granted", tenant, details);
            return CreditWire.Granted.of(grant);
        });
    }

    CreditWire.CreditView describe(TenantId tenant) {
        scope.asPlatform(tenant, () -> tenants.find(tenant.value(), Instant.now())
                .orElseThrow(() -> ProblemException.notFound("Tenant")));
        return CreditWire.CreditView.of(credits.describe(tenant));
    }

    /** The same key again: the stored grant when it asked for the same credit, else a conflict. */
    private static CreditWire.Granted replay(TenantCredits.Grant stored, long amount, String reason) {
        if (stored.amount() != amount || !stored.reason().equals(reason)) {
            throw ProblemException.conflict(KEY_REUSED);
        }
        return CreditWire.Granted.of(stored);
    }
}
