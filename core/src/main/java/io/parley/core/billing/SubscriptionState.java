package io.parley.core.billing;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A Stripe subscription as read from the API (never from an event's payload, which may be stale: README §4.2),
 * reduced to what billing keeps. Periods come from the first item (basil moved them off the subscription, §4.1).
 */
public record SubscriptionState(String id, String customerId, String status, List<String> priceIds,
                                @Nullable Instant periodStart, @Nullable Instant periodEnd,
                                @Nullable Instant trialEnd, boolean cancelAtPeriodEnd, @Nullable String metadataPlan) {

    /** Statuses of a subscription that still exists for billing; a tenant with one changes plan instead of buying. */
    private static final Set<String> LIVE = Set.of("trialing", "active", "past_due", "unpaid", "incomplete", "paused");

    static boolean live(String status) {
        return LIVE.contains(status);
    }

    public boolean live() {
        return live(status);
    }
}
