package io.parley.core.premium;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact's subscription in the tenant's Stripe account, as last read from Stripe (V70).
 *
 * @param tier       the tier it gives while it is paid (the offer's), null when no offer matched its price
 * @param tierBefore the contact's tier when this subscription first gave its tier; restored when it ends
 */
@MappedEntity("contact_subscriptions")
public record ContactSubscriptionRow(UUID tenantId, @Id String stripeSubscriptionId, UUID contactId,
                                     @Nullable UUID offerId, @Nullable String stripeCustomerId, String status,
                                     @Nullable String tier, @Nullable String tierBefore,
                                     @Nullable Instant currentPeriodEnd, boolean cancelAtPeriodEnd,
                                     Instant createdAt, Instant updatedAt) {
}
