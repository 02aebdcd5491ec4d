package io.parley.core.premium;

import io.micronaut.context.annotation.Requires;
import io.parley.core.secrets.SecretBox;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Seals and opens a tenant's Stripe key and webhook secret (SecretBox, AES-256-GCM, like channel credentials). The
 * context names the tenant and the field, so a sealed value copied to another tenant's row does not open. Reads run
 * inside the tenant's scope.
 */
@Requires(property = "parley.roles", notEquals = "migrate") // as SecretBox: the migration Job has no key
@Singleton
public final class ContactStripeAccounts {

    /** The opened secrets of a tenant's Stripe account; {@link #toString()} hides them. */
    public record Opened(String secretKey, String webhookSecret, ContactStripeAccountRow row) {
        @Override
        public String toString() {
            return "Opened[" + row.tenantId() + "]";
        }
    }

    private final SecretBox secrets;
    private final ContactPremiumRepository repository;

    ContactStripeAccounts(SecretBox secrets, ContactPremiumRepository repository) {
        this.secrets = secrets;
        this.repository = repository;
    }

    public String sealKey(TenantId tenant, String secretKey) {
        return secrets.seal(secretKey, context(tenant, "secretKey"));
    }

    public String sealWebhookSecret(TenantId tenant, String webhookSecret) {
        return secrets.seal(webhookSecret, context(tenant, "webhookSecret"));
    }

    /** The tenant's account with its secrets opened; empty when it connected none. Call inside its scope. */
    public Optional<Opened> open(TenantId tenant) {
        return repository.account(tenant.value()).map(row -> new Opened(
                secrets.open(row.secretKeySealed(), context(tenant, "secretKey")),
                secrets.open(row.webhookSecretSealed(), context(tenant, "webhookSecret")), row));
    }

    private static String context(TenantId tenant, String field) {
        return "tenant:" + tenant + "/contact-stripe/" + field;
    }
}
