package io.parley.core.billing;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Credit granted to a tenant by the operator console ({@code tenant_credits}, V205), and what is left of it: the
 * grants are Parley's record (who, how much, why); the balance is the Stripe customer's, read from Stripe. Plain JDBC
 * on the transaction-aware data source: the statements join the caller's scope (the tenant's, or the platform's for
 * the tenant, where the grant is written).
 */
@Singleton
public final class TenantCredits {

    /** The most recent grants a tenant's billing page and the operator's tenant detail list. */
    public static final int LISTED = 50;

    /** One grant, as stored once Stripe applied it. */
    public record Grant(UUID id, long amount, String currency, String reason, String grantedBy,
                        String stripeTransactionId, long endingBalance, Instant createdAt) {
    }

    /**
     * The tenant's credit: {@code remaining} is the credit left on its Stripe customer (the negated Stripe balance,
     * in {@code currency}; negative when the customer owes), null when the tenant has no customer or Stripe could not
     * be reached; the newest grants first.
     */
    public record Credit(@Nullable Long remaining, @Nullable String currency, List<Grant> grants) {
    }

    private final DataSource dataSource;
    private final TenantScope scope;
    private final TenantBillingRepository billing;
    private final StripeGateway stripe;

    TenantCredits(DataSource dataSource, TenantScope scope, TenantBillingRepository billing, StripeGateway stripe) {
        this.dataSource = dataSource;
        this.scope = scope;
        this.billing = billing;
        this.stripe = stripe;
    }

    /** The tenant's grants and its Stripe balance (Stripe is called outside the transaction). */
    public Credit describe(TenantId tenant) {
        record Stored(@Nullable String customer, List<Grant> grants) {
        }
        Stored stored = scope.read(tenant, () -> new Stored(
                billing.find(tenant.value()).map(TenantBillingRow::stripeCustomerId).orElse(null), list(tenant)));
        Long remaining = null;
        String currency = stored.grants().isEmpty() ? null : stored.grants().getFirst().currency();
        if (stored.customer() != null && stripe.configured()) {
            try {
                StripeGateway.CustomerBalance balance = stripe.balance(stored.customer());
                remaining = -balance.balance();
                currency = balance.currency() != null ? balance.currency() : currency;
            } catch (StripeUnavailableException e) {
                remaining = null; // the grants are Parley's own data and still shown
            }
        }
        return new Credit(remaining, currency, stored.grants());
    }

    /** Inside the tenant's scope: the grant sent with {@code idempotencyKey}, if it was stored. */
    public Optional<Grant> byKey(TenantId tenant, String idempotencyKey) {
        return query("SELECT " + COLUMNS + " FROM tenant_credits WHERE tenant_id = ? AND idempotency_key = ?",
                tenant.value(), idempotencyKey).stream().findFirst();
    }

    /** Inside a platform scope for the tenant: stores a grant Stripe applied; false when its key was stored before. */
    public boolean store(TenantId tenant, Grant grant, String idempotencyKey, String customerId) {
        try (PreparedStatement insert = dataSource.getConnection().prepareStatement("""
                INSERT INTO tenant_credits (id, tenant_id, amount, currency, reason, granted_by, idempotency_key,
                    stripe_customer_id, stripe_transaction_id, ending_balance, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""")) {
            insert.setObject(1, grant.id());
            insert.setObject(2, tenant.value());
            insert.setLong(3, grant.amount());
            insert.setString(4, grant.currency());
            insert.setString(5, grant.reason());
            insert.setString(6, grant.grantedBy());
            insert.setString(7, idempotencyKey);
            insert.setString(8, customerId);
            insert.setString(9, grant.stripeTransactionId());
            insert.setLong(10, grant.endingBalance());
            insert.setTimestamp(11, Timestamp.from(grant.createdAt()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the credit grant", e);
        }
    }

    private static final String COLUMNS = "id, amount, currency, reason, granted_by, stripe_transaction_id, "
            + "ending_balance, created_at";

    private List<Grant> list(TenantId tenant) {
        return query("SELECT " + COLUMNS + " FROM tenant_credits WHERE tenant_id = ? ORDER BY created_at DESC, id DESC "
                + "LIMIT " + LISTED, tenant.value());
    }

    private List<Grant> query(String sql, Object... values) {
        try (PreparedStatement query = dataSource.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            List<Grant> grants = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    grants.add(new Grant(rows.getObject(1, UUID.class), rows.getLong(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getLong(7),
                            rows.getTimestamp(8).toInstant()));
                }
            }
            return grants;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the credit grants", e);
        }
    }
}
