package io.parley.core.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** tenant_billing, stripe_customers and stripe_events (V55); call inside the tenant's scope unless noted. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantBillingRepository extends GenericRepository<TenantBillingRow, UUID> {

    @Query("SELECT * FROM tenant_billing WHERE tenant_id = :tenantId")
    Optional<TenantBillingRow> find(UUID tenantId);

    /** Locks the tenant's billing row (creating it) so a checkout and a webhook of one tenant run one at a time. */
    @Query("""
            INSERT INTO tenant_billing AS b (tenant_id) VALUES (:tenantId)
            ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = b.tenant_id RETURNING *""")
    TenantBillingRow lock(UUID tenantId);

    @Query("""
            INSERT INTO tenant_billing (tenant_id, plan_id, status, trial_ends_at) VALUES (:tenantId, :planId, 'trialing', :trialEndsAt)
            ON CONFLICT (tenant_id) DO NOTHING""")
    void startTrial(UUID tenantId, String planId, Instant trialEndsAt);

    @Query("UPDATE tenant_billing SET stripe_customer_id = :customerId, updated_at = now() WHERE tenant_id = :tenantId")
    void setCustomer(UUID tenantId, String customerId);

    @Query("INSERT INTO stripe_customers (customer_id, tenant_id) VALUES (:customerId, :tenantId) ON CONFLICT DO NOTHING")
    void routeCustomer(String customerId, UUID tenantId);

    /** The tenant of a Stripe customer; readable without a tenant scope (the webhook's routing). */
    @Query("SELECT tenant_id FROM stripe_customers WHERE customer_id = :customerId")
    Optional<UUID> tenantOfCustomer(String customerId);

    @Query("""
            UPDATE tenant_billing SET stripe_subscription_id = :subscriptionId, plan_id = :planId, status = :status,
                current_period_start = :periodStart, current_period_end = :periodEnd, trial_ends_at = :trialEndsAt,
                cancel_at_period_end = :cancelAtPeriodEnd, past_due_since = :pastDueSince,
                grace_ends_at = :graceEndsAt, updated_at = now()
            WHERE tenant_id = :tenantId""")
    void saveSubscription(UUID tenantId, String subscriptionId, @Nullable String planId, String status,
                          @Nullable Instant periodStart, @Nullable Instant periodEnd, @Nullable Instant trialEndsAt,
                          boolean cancelAtPeriodEnd, @Nullable Instant pastDueSince, @Nullable Instant graceEndsAt);

    /** Stores a Stripe event once; false when it was stored before (a redelivery). */
    @Query("""
            INSERT INTO stripe_events (id, tenant_id, type, object_id, created)
            VALUES (:id, :tenantId, :type, :objectId, :created) ON CONFLICT (id) DO NOTHING""")
    int storeEvent(String id, UUID tenantId, String type, @Nullable String objectId, Instant created);

    @Query("SELECT type FROM stripe_events WHERE id = :id")
    Optional<String> eventType(String id);

    @Query("SELECT object_id FROM stripe_events WHERE id = :id")
    Optional<String> eventObject(String id);

    /** 1 the first time an event is processed, 0 after (a job re-run after a crash notes nothing twice). */
    @Query("UPDATE stripe_events SET processed_at = now() WHERE id = :id AND processed_at IS NULL")
    int markProcessedOnce(String id);
}
