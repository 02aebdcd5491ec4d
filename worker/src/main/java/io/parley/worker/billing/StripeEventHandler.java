package io.parley.worker.billing;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.billing.StripeGateway;
import io.parley.core.billing.SubscriptionState;
import io.parley.core.billing.SubscriptionSync;
import io.parley.core.billing.TenantBillingRepository;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Processes one stored Stripe event (job kind {@value #KIND}). Whatever the event says, the subscription it names is
 * read again from Stripe and that current state is applied ({@link SubscriptionSync}): events come late, twice and
 * out of order, and an old one must never undo a newer state. Stripe unreachable → the job fails and the queue
 * retries it with backoff. Notable events (a failed payment, a trial ending) are also written to the audit log once.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class StripeEventHandler implements JobHandler {

    static final String KIND = "billing.stripe-event";

    private static final Actor STRIPE = Actor.system("stripe");

    private final TenantScope scope;
    private final TenantBillingRepository billing;
    private final StripeGateway stripe;
    private final SubscriptionSync sync;
    private final AuditLog audit;

    StripeEventHandler(TenantScope scope, TenantBillingRepository billing, StripeGateway stripe, SubscriptionSync sync,
                       AuditLog audit) {
        this.scope = scope;
        this.billing = billing;
        this.stripe = stripe;
        this.sync = sync;
        this.audit = audit;
    }

    /** The job's arguments: the event id only (HOUSE-STYLE 5). */
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
        record Stored(String type, String subscription) {
        }
        Stored event = scope.read(tenant, () -> billing.eventType(eventId)
                .map(type -> new Stored(type, billing.eventObject(eventId).orElse(null))).orElse(null));
        if (event == null) {
            throw new JobDiscard("Stripe event " + eventId + " is not stored");
        }
        SubscriptionState current = event.subscription() == null ? null : stripe.subscription(event.subscription());
        scope.writeVoid(tenant, () -> {
            if (current != null) {
                sync.apply(tenant, current, STRIPE);
            }
            if (billing.markProcessedOnce(eventId) == 1) {
                note(tenant, eventId, event.type(), event.subscription());
            }
        });
    }

    private void note(TenantId tenant, String eventId, String type, String subscription) {
        String action = switch (type) {
            case "invoice.payment_failed" -> "billing.payment.failed";
            case "invoice.paid" -> "billing.payment.succeeded";
            case "customer.subscription.trial_will_end" -> "billing.trial.ending";
            case "checkout.session.completed" -> "billing.checkout.completed";
            default -> null;
        };
        if (action != null) {
            audit.record(tenant, STRIPE, action, "subscription", String.valueOf(subscription),
                    Map.of("stripeEvent", eventId));
        }
    }
}
