package io.parley.core.billing;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a subscription read from Stripe to the tenant's billing row. Call inside the tenant's write scope.
 *
 * <p>Order and staleness: callers pass what Stripe answers now, not an event's copy, so an older event processed
 * late still writes the current state. One case remains: an event about a tenant's previous, ended subscription
 * arriving after a new one started — a subscription that is over never replaces another one.
 *
 * <p>Past due: the plan stays for {@code parley.billing.grace-period} from the first time the subscription was seen
 * past due; after that tenant_plan_id() (V55) answers the base plan. Paid again (active) clears both at once.
 */
@Singleton
public final class SubscriptionSync {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionSync.class);

    private final TenantBillingRepository billing;
    private final PlanCatalog catalog;
    private final BillingSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    SubscriptionSync(TenantBillingRepository billing, PlanCatalog catalog, BillingSettings settings, AuditLog audit) {
        this.billing = billing;
        this.catalog = catalog;
        this.settings = settings;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /** Returns whether the row changed. */
    public boolean apply(TenantId tenant, SubscriptionState subscription, Actor actor) {
        TenantBillingRow row = billing.lock(tenant.value());
        if (row.stripeSubscriptionId() != null && !row.stripeSubscriptionId().equals(subscription.id())
                && !subscription.live() && row.hasLiveSubscription()) {
            LOG.info("Ignored ended subscription {} of tenant {}: {} is current", subscription.id(), tenant,
                    row.stripeSubscriptionId());
            return false;
        }
        String plan = planOf(subscription, row);
        Instant pastDueSince = null;
        Instant graceEndsAt = null;
        if ("past_due".equals(subscription.status())) {
            pastDueSince = row.pastDueSince() != null && subscription.id().equals(row.stripeSubscriptionId())
                    ? row.pastDueSince() : clock.instant();
            graceEndsAt = pastDueSince.plus(settings.gracePeriod());
        }
        boolean changed = !Objects.equals(row.stripeSubscriptionId(), subscription.id())
                || !Objects.equals(row.planId(), plan) || !Objects.equals(row.status(), subscription.status())
                || !Objects.equals(row.currentPeriodEnd(), subscription.periodEnd())
                || !Objects.equals(row.trialEndsAt(), subscription.trialEnd())
                || row.cancelAtPeriodEnd() != subscription.cancelAtPeriodEnd()
                || !Objects.equals(row.graceEndsAt(), graceEndsAt);
        if (!changed) {
            return false;
        }
        billing.saveSubscription(tenant.value(), subscription.id(), plan, subscription.status(),
                subscription.periodStart(), subscription.periodEnd(), subscription.trialEnd(),
                subscription.cancelAtPeriodEnd(), pastDueSince, graceEndsAt);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subscription", subscription.id());
        details.put("status", subscription.status());
        details.put("plan", plan == null ? "unknown" : plan);
        if (row.status() != null) {
            details.put("previousStatus", row.status());
        }
        if (row.planId() != null) {
            details.put("previousPlan", row.planId());
        }
        if (graceEndsAt != null) {
            details.put("graceEndsAt", graceEndsAt.toString());
        }
        details.put("cancelAtPeriodEnd", subscription.cancelAtPeriodEnd());
        audit.record(tenant, actor, "billing.subscription.updated", "subscription", subscription.id(), details);
        return true;
    }

    /** The plan of the subscription's price; its metadata (set at checkout) when the price is unknown to us. */
    @Nullable
    private String planOf(SubscriptionState subscription, TenantBillingRow row) {
        for (String price : subscription.priceIds()) {
            var plan = catalog.forPrice(price);
            if (plan.isPresent()) {
                return plan.get().id();
            }
        }
        if (subscription.metadataPlan() != null && catalog.find(subscription.metadataPlan()).isPresent()) {
            return subscription.metadataPlan();
        }
        LOG.warn("Subscription {} has no price of a configured plan ({}); keeping plan {}", subscription.id(),
                subscription.priceIds(), row.planId());
        return subscription.id().equals(row.stripeSubscriptionId()) ? row.planId() : null;
    }
}
