package io.parley.core.premium;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant's Stripe account and offers (V70). Every method runs inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContactPremiumRepository extends GenericRepository<ContactOfferRow, UUID> {

    @Query("SELECT * FROM contact_stripe_accounts WHERE tenant_id = :tenantId")
    Optional<ContactStripeAccountRow> account(UUID tenantId);

    @Query("""
            INSERT INTO contact_stripe_accounts (tenant_id, secret_key_sealed, secret_key_last4, livemode,
                webhook_secret_sealed, return_url)
            VALUES (:tenantId, :secretKeySealed, :secretKeyLast4, :livemode, :webhookSecretSealed, :returnUrl)
            ON CONFLICT (tenant_id) DO UPDATE SET secret_key_sealed = EXCLUDED.secret_key_sealed,
                secret_key_last4 = EXCLUDED.secret_key_last4, livemode = EXCLUDED.livemode,
                webhook_secret_sealed = EXCLUDED.webhook_secret_sealed, return_url = EXCLUDED.return_url,
                updated_at = now()""")
    void saveAccount(UUID tenantId, String secretKeySealed, String secretKeyLast4, boolean livemode,
                     String webhookSecretSealed, @Nullable String returnUrl);

    @Query("DELETE FROM contact_stripe_accounts WHERE tenant_id = :tenantId")
    int deleteAccount(UUID tenantId);

    @Query("SELECT * FROM contact_offers WHERE tenant_id = :tenantId ORDER BY created_at, id")
    List<ContactOfferRow> offers(UUID tenantId);

    @Query("SELECT * FROM contact_offers WHERE tenant_id = :tenantId AND id = :id")
    Optional<ContactOfferRow> offer(UUID tenantId, UUID id);

    @Query("SELECT * FROM contact_offers WHERE tenant_id = :tenantId AND stripe_price_id = :priceId")
    Optional<ContactOfferRow> offerForPrice(UUID tenantId, String priceId);

    @Query("""
            INSERT INTO contact_offers (tenant_id, id, name, stripe_price_id, tier)
            VALUES (:tenantId, :id, :name, :stripePriceId, :tier) ON CONFLICT (tenant_id, stripe_price_id) DO NOTHING""")
    int insertOffer(UUID tenantId, UUID id, String name, String stripePriceId, String tier);

    @Query("""
            UPDATE contact_offers SET name = :name, stripe_price_id = :stripePriceId, tier = :tier, updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id
              AND NOT EXISTS (SELECT 1 FROM contact_offers o WHERE o.tenant_id = :tenantId
                              AND o.stripe_price_id = :stripePriceId AND o.id <> :id)""")
    int updateOffer(UUID tenantId, UUID id, String name, String stripePriceId, String tier);

    @Query("DELETE FROM contact_offers WHERE tenant_id = :tenantId AND id = :id")
    int deleteOffer(UUID tenantId, UUID id);

    /** Stores a webhook event once; 0 when it was stored before (a redelivery). */
    @Query("""
            INSERT INTO contact_stripe_events (tenant_id, id, type, subscription, contact_hint, created)
            VALUES (:tenantId, :eventId, :type, :subscription, :contactHint, :created)
            ON CONFLICT (tenant_id, id) DO NOTHING""")
    int storeEvent(UUID tenantId, String eventId, String type, @Nullable String subscription,
                   @Nullable String contactHint, Instant created);

    @Query("SELECT * FROM contact_stripe_events WHERE tenant_id = :tenantId AND id = :eventId")
    Optional<ContactStripeEventRow> event(UUID tenantId, String eventId);

    /** 1 the first time an event is processed, 0 after. */
    @Query("""
            UPDATE contact_stripe_events SET processed_at = now()
            WHERE tenant_id = :tenantId AND id = :eventId AND processed_at IS NULL""")
    int markProcessed(UUID tenantId, String eventId);
}
