package io.parley.core.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A tenant's subscription as last read from Stripe, or its no-card trial (no subscription id). */
@MappedEntity("tenant_billing")
public record TenantBillingRow(@Id UUID tenantId, @Nullable String stripeCustomerId,
                               @Nullable String stripeSubscriptionId, @Nullable String planId,
                               @Nullable String status, @Nullable Instant currentPeriodStart,
                               @Nullable Instant currentPeriodEnd, @Nullable Instant trialEndsAt,
                               boolean cancelAtPeriodEnd, @Nullable Instant pastDueSince,
                               @Nullable Instant graceEndsAt, Instant updatedAt) {

    /** Whether the tenant has a Stripe subscription that is not over: then it changes plan, never subscribes again. */
    public boolean hasLiveSubscription() {
        return stripeSubscriptionId != null && status != null && SubscriptionState.live(status);
    }
}
