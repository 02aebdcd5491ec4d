package io.parley.core.premium;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A contact's subscription as read from the tenant's Stripe account now (never an event's copy, which may be stale),
 * reduced to what the tier needs. The period comes from the first item (basil moved it off the subscription).
 */
public record ContactSubscriptionState(String id, @Nullable String customerId, String status, List<String> priceIds,
                                       @Nullable Instant periodEnd, boolean cancelAtPeriodEnd,
                                       Map<String, String> metadata) {

    /**
     * Statuses in which the contact keeps the offer's tier. past_due too: Stripe is still retrying the payment
     * (Smart Retries) and the contact should not lose what they paid for over a card hiccup; unpaid, canceled,
     * incomplete_expired and paused end it, incomplete has not started it.
     */
    private static final Set<String> GRANTS = Set.of("active", "trialing", "past_due");

    public boolean grantsTier() {
        return grants(status);
    }

    public static boolean grants(String status) {
        return GRANTS.contains(status);
    }
}
