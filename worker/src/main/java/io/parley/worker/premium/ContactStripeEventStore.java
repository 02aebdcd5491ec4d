package io.parley.worker.premium;

import com.stripe.model.Event;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.parley.core.ServerRoles;
import io.parley.core.premium.ContactPremiumRepository;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.billing.StripeEventRoute;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Stores a verified event of a tenant's Stripe account by (tenant, event id) and enqueues its job in the same
 * transaction: a redelivery inserts and enqueues nothing. One subscription's jobs run one at a time, in arrival order
 * (serial key); each re-reads the subscription from Stripe anyway.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
class ContactStripeEventStore {

    private final TenantScope scope;
    private final ContactPremiumRepository premium;
    private final JobQueue jobs;

    ContactStripeEventStore(TenantScope scope, ContactPremiumRepository premium, JobQueue jobs) {
        this.scope = scope;
        this.premium = premium;
        this.jobs = jobs;
    }

    void store(TenantId tenant, StripeEventRoute event, @Nullable String contactHint) {
        scope.writeVoid(tenant, () -> {
            if (premium.storeEvent(tenant.value(), event.id(), event.type(), event.subscriptionId(), contactHint,
                    event.created()) == 0) {
                return;
            }
            String serial = "premium:" + tenant + ":" + (event.subscriptionId() == null ? "-" : event.subscriptionId());
            jobs.enqueue(tenant, JobRequest.of(ContactStripeEventHandler.KIND, ContactStripeEventHandler.args(event.id()))
                    .unique("contact-stripe:" + event.id()).serial(serial));
        });
    }

    /** A completed checkout's {@code client_reference_id}: the contact Parley made the session for. */
    @Nullable
    static String contactHint(Event event, JsonMapper json) throws IOException {
        if (!"checkout.session.completed".equals(event.getType())) {
            return null;
        }
        JsonNode object = json.readValue(event.getDataObjectDeserializer().getRawJson(), JsonNode.class);
        JsonNode reference = object == null ? null : object.get("client_reference_id");
        return reference != null && reference.isString() && reference.getStringValue().length() <= 64
                ? reference.getStringValue() : null;
    }
}
