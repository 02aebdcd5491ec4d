package io.parley.core.premium;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * An event of a tenant's Stripe webhook as stored (V70): the subscription it names and, for a completed checkout,
 * the contact it was for ({@code client_reference_id}).
 */
@MappedEntity("contact_stripe_events")
public record ContactStripeEventRow(UUID tenantId, @Id String id, String type, @Nullable String subscription,
                                    @Nullable String contactHint, Instant created, Instant receivedAt,
                                    @Nullable Instant processedAt) {
}
