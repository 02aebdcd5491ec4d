package io.parley.worker.premium;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.audit.Actor;
import io.parley.core.premium.ContactPremiumRepository;
import io.parley.core.premium.ContactPremiumSync;
import io.parley.core.premium.ContactStripeAccounts;
import io.parley.core.premium.ContactStripeEventRow;
import io.parley.core.premium.ContactStripeGateway;
import io.parley.core.premium.ContactSubscriptionState;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.billing.StripeEventJobArgs;
import jakarta.inject.Singleton;


/**
 * Processes one stored event of a tenant's Stripe account (job kind {@value #KIND}): the subscription it names is
 * read again from the tenant's Stripe with the tenant's key and that current state applied to the contact's tier
 * ({@link ContactPremiumSync}), so late, duplicate and out-of-order events never undo a newer state. Stripe
 * unreachable → the job fails and the queue retries it with backoff.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class ContactStripeEventHandler implements JobHandler {

    static final String KIND = "premium.stripe-event";

    private static final Actor STRIPE = Actor.system("stripe (contacts)");

    private final TenantScope scope;
    private final ContactPremiumRepository premium;
    private final ContactStripeAccounts accounts;
    private final ContactStripeGateway stripe;
    private final ContactPremiumSync sync;

    ContactStripeEventHandler(TenantScope scope, ContactPremiumRepository premium, ContactStripeAccounts accounts,
                              ContactStripeGateway stripe, ContactPremiumSync sync) {
        this.scope = scope;
        this.premium = premium;
        this.accounts = accounts;
        this.stripe = stripe;
        this.sync = sync;
    }

    /** The job's arguments: the event id only. */
    static String args(String eventId) {
        return StripeEventJobArgs.of(eventId);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        String eventId = StripeEventJobArgs.eventId(job, KIND);
        TenantId tenant = job.tenant();
        record Loaded(ContactStripeEventRow event, String key) {
            @Override
            public String toString() {
                return "Loaded[" + event.id() + "]";
            }
        }
        Loaded loaded = scope.read(tenant, () -> premium.event(tenant.value(), eventId)
                .map(event -> new Loaded(event, accounts.open(tenant).map(ContactStripeAccounts.Opened::secretKey)
                        .orElse(null)))
                .orElse(null));
        if (loaded == null) {
            throw new JobDiscard("Stripe event " + eventId + " is not stored");
        }
        if (loaded.event().subscription() == null) {
            scope.writeVoid(tenant, () -> premium.markProcessed(tenant.value(), eventId));
            return;
        }
        if (loaded.key() == null) {
            throw new JobDiscard("tenant " + tenant + " disconnected its Stripe account");
        }
        ContactSubscriptionState current = stripe.subscription(loaded.key(), loaded.event().subscription());
        scope.writeVoid(tenant, () -> {
            sync.apply(tenant, current, loaded.event().contactHint(), STRIPE);
            premium.markProcessed(tenant.value(), eventId);
        });
    }
}
