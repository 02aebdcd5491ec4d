package io.parley.core.billing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;

/**
 * Writes the configured plans into the plans table at every start (after Flyway). Why a table at all when the
 * configuration is the truth: the limits are enforced in SQL that joins plans (plan guard, turn limits, the plan in
 * force per tenant, V55), tenants.plan keeps its foreign key, and reports can join it. Plans that left the
 * configuration are kept for the tenants still on them but no longer listed nor sold. Every process writes the same
 * rows (all roles share one configuration); the upsert makes concurrent starts harmless. The operator's plan
 * assignments ({@link TenantPlanAssignments}) are written right after, in the same attempt, so an assigned plan that
 * is new in this configuration already exists.
 */
@Singleton
@Requires(property = "datasources.default.url")
final class PlanCatalogSync implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PlanCatalogSync.class);

    private static final String UPSERT = """
            INSERT INTO plans (id, name, sort_order, monthly_price_cents, currency, stripe_price_id, stripe_price_ids,
                               max_bots, max_channels, max_members, max_messages_per_month, monthly_llm_budget_micros,
                               features, max_broadcast_recipients_per_month, listed, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, now())
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, sort_order = EXCLUDED.sort_order,
                monthly_price_cents = EXCLUDED.monthly_price_cents, currency = EXCLUDED.currency,
                stripe_price_id = EXCLUDED.stripe_price_id, stripe_price_ids = EXCLUDED.stripe_price_ids,
                max_bots = EXCLUDED.max_bots, max_channels = EXCLUDED.max_channels, max_members = EXCLUDED.max_members,
                max_messages_per_month = EXCLUDED.max_messages_per_month,
                monthly_llm_budget_micros = EXCLUDED.monthly_llm_budget_micros, features = EXCLUDED.features,
                max_broadcast_recipients_per_month = EXCLUDED.max_broadcast_recipients_per_month,
                listed = true, updated_at = now()""";

    private static final Duration RETRY = Duration.ofSeconds(5);

    private final PlanCatalog catalog;
    private final TransactionOperations<Connection> transactions;
    private final TenantPlanAssignments assignments;

    PlanCatalogSync(PlanCatalog catalog, TransactionOperations<Connection> transactions,
                    TenantPlanAssignments assignments) {
        this.catalog = catalog;
        this.transactions = transactions;
        this.assignments = assignments;
    }

    private volatile Thread retrying;

    /**
     * A process must start while its database is down (liveness answers, readiness says DOWN): then the table keeps
     * the plans of the last start and the sync is retried in the background until the database answers. The same
     * holds for the tenants' assigned plans.
     */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            syncAll();
        } catch (RuntimeException e) {
            LOG.warn("Could not write the plan catalogue and the tenants' assigned plans ({}); retrying every {} s",
                    e.getClass().getSimpleName(), RETRY.toSeconds());
            retrying = Thread.ofVirtual().name("plan-catalogue-sync").start(this::retry);
        }
    }

    private void retry() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(RETRY);
                syncAll();
                return;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.debug("Plan catalogue sync failed again", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        Thread thread = retrying;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The catalogue, then the assignments (both idempotent, so a retry after a failure half-way is harmless). */
    void syncAll() {
        sync();
        assignments.apply();
    }

    void sync() {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
                 PreparedStatement unlist = connection.prepareStatement(
                         "UPDATE plans SET listed = false, updated_at = now() WHERE listed AND NOT (id = ANY (?))")) {
                for (PlanDefinition plan : catalog.plans()) {
                    int i = 0;
                    upsert.setString(++i, plan.id());
                    upsert.setString(++i, plan.name());
                    upsert.setInt(++i, plan.order());
                    upsert.setLong(++i, plan.monthlyPriceCents());
                    upsert.setString(++i, plan.currency());
                    upsert.setString(++i, plan.checkoutPriceId());
                    upsert.setArray(++i, connection.createArrayOf("text", plan.stripePriceIds().toArray()));
                    setInteger(upsert, ++i, plan.maxBots());
                    setInteger(upsert, ++i, plan.maxChannels());
                    setInteger(upsert, ++i, plan.maxMembers());
                    setInteger(upsert, ++i, plan.maxMessagesPerMonth());
                    if (plan.monthlyLlmBudgetMicros() == null) {
                        upsert.setNull(++i, Types.BIGINT);
                    } else {
                        upsert.setLong(++i, plan.monthlyLlmBudgetMicros());
                    }
                    upsert.setArray(++i, connection.createArrayOf("text", plan.features().toArray()));
                    setInteger(upsert, ++i, plan.maxBroadcastRecipientsPerMonth());
                    upsert.addBatch();
                }
                upsert.executeBatch();
                unlist.setArray(1, connection.createArrayOf("text",
                        catalog.plans().stream().map(PlanDefinition::id).toArray()));
                unlist.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the plan catalogue", e);
            }
            return null;
        });
        LOG.info("Plans from the configuration: {}", catalog.plans().stream().map(PlanDefinition::id).toList());
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
