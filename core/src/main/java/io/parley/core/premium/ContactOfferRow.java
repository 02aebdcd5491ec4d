package io.parley.core.premium;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** What a tenant sells its contacts: a recurring price of its Stripe account and the tier it gives (V70). */
@MappedEntity("contact_offers")
public record ContactOfferRow(UUID tenantId, @Id UUID id, String name, String stripePriceId, String tier,
                              Instant createdAt, Instant updatedAt) {
}
