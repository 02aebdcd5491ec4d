package io.parley.worker.billing;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.billing.TenantBillingRepository;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;

/**
 * Stores a verified Stripe event by its id and enqueues its job in the same transaction: the event exists exactly
 * when its job does, and a redelivery (same id) inserts and enqueues nothing. The tenant is the customer's
 * (stripe_customers); an event about a customer Parley never created is acknowledged and dropped.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
class StripeEventStore {

    private static final Logger LOG = LoggerFactory.getLogger(StripeEventStore.class);

    private final TenantScope scope;
    private final TenantBillingRepository billing;
    private final JobQueue jobs;

    StripeEventStore(TenantScope scope, TenantBillingRepository billing, JobQueue jobs) {
        this.scope = scope;
        this.billing = billing;
        this.jobs = jobs;
    }

    void store(StripeEventRoute event) {
        Optional<UUID> tenantId = event.customerId() == null ? Optional.empty()
                : billing.tenantOfCustomer(event.customerId());
        if (tenantId.isEmpty()) {
            LOG.info("Stripe event {} ({}) is about no customer of this Parley; ignored", event.id(), event.type());
            return;
        }
        TenantId tenant = new TenantId(tenantId.get());
        scope.writeVoid(tenant, () -> {
            if (billing.storeEvent(event.id(), tenant.value(), event.type(), event.subscriptionId(),
                    event.created()) == 0) {
                return;
            }
            // One tenant's billing jobs run one at a time, in arrival order; each re-reads Stripe anyway.
            jobs.enqueue(tenant, JobRequest.of(StripeEventHandler.KIND, StripeEventHandler.args(event.id()))
                    .unique("stripe:" + event.id()).serial("billing:" + tenant));
        });
    }
}
