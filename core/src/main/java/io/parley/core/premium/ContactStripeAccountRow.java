package io.parley.core.premium;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's own Stripe account (V70): the key and webhook secret sealed ({@link ContactStripeAccounts} opens them),
 * the key's last 4 characters as the only hint, and where Checkout sends a contact back.
 */
@MappedEntity("contact_stripe_accounts")
public record ContactStripeAccountRow(@Id UUID tenantId, String secretKeySealed, String secretKeyLast4,
                                      boolean livemode, String webhookSecretSealed, @Nullable String returnUrl,
                                      Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "ContactStripeAccountRow[" + tenantId + "]"; // never the sealed values
    }
}
