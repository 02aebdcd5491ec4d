package io.parley.core.premium;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contacts' subscriptions in the tenant's Stripe account (V70). Every method runs inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContactSubscriptionRepository extends GenericRepository<ContactSubscriptionRow, String> {

    /** Locks the subscription's row, so two events of one subscription apply one after the other. */
    @Query("""
            SELECT * FROM contact_subscriptions WHERE tenant_id = :tenantId AND stripe_subscription_id = :id
            FOR UPDATE""")
    Optional<ContactSubscriptionRow> lock(UUID tenantId, String id);

    @Query("""
            SELECT * FROM contact_subscriptions WHERE tenant_id = :tenantId AND contact_id IN (:contactIds)
            ORDER BY updated_at DESC""")
    List<ContactSubscriptionRow> ofContacts(UUID tenantId, Collection<UUID> contactIds);

    @Query("""
            INSERT INTO contact_subscriptions (tenant_id, stripe_subscription_id, contact_id, offer_id,
                stripe_customer_id, status, tier, tier_before, current_period_end, cancel_at_period_end)
            VALUES (:tenantId, :id, :contactId, :offerId, :customerId, :status, :tier, :tierBefore, :periodEnd,
                :cancelAtPeriodEnd)
            ON CONFLICT (tenant_id, stripe_subscription_id) DO UPDATE SET offer_id = EXCLUDED.offer_id,
                stripe_customer_id = EXCLUDED.stripe_customer_id, status = EXCLUDED.status, tier = EXCLUDED.tier,
                tier_before = EXCLUDED.tier_before, current_period_end = EXCLUDED.current_period_end,
                cancel_at_period_end = EXCLUDED.cancel_at_period_end, updated_at = now()""")
    void save(UUID tenantId, String id, UUID contactId, @Nullable UUID offerId, @Nullable String customerId,
              String status, @Nullable String tier, @Nullable String tierBefore, @Nullable Instant periodEnd,
              boolean cancelAtPeriodEnd);

    /** Whether another subscription of the contact still gives {@code tier} (two offers of one tier). */
    @Query("""
            SELECT count(*) > 0 FROM contact_subscriptions WHERE tenant_id = :tenantId AND contact_id = :contactId
              AND stripe_subscription_id <> :exceptId AND tier = :tier AND status IN ('active', 'trialing', 'past_due')""")
    boolean otherGrants(UUID tenantId, UUID contactId, String exceptId, String tier);

    @Query("""
            UPDATE contacts SET tier = :tier, updated_at = now()
            WHERE tenant_id = :tenantId AND id = :contactId AND tier = :expected""")
    int setTier(UUID tenantId, UUID contactId, String expected, String tier);
}
