package io.parley.worker.premium;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.billing.StripeUnavailableException;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.premium.ContactPremiumRepository;
import io.parley.core.premium.ContactStripeAccounts;
import io.parley.core.queue.Job;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.FakeStripe;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.ContactStripe;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Events of a tenant's Stripe account processed from the queue: each re-reads the subscription with the tenant's key
 * from (fake) Stripe, so a paid subscription gives the offer's tier, its end takes it back, and late or repeated
 * events never undo a newer state.
 */
@MicronautTest(transactional = false)
class ContactPremiumEventsTest extends WorkerTest {

    private final FakeStripe stripe = FakeStripe.start();

    @Inject
    ContactPremiumRepository premium;
    @Inject
    ContactStripeAccounts accounts;
    @Inject
    ContactRepository contacts;
    @Inject
    ContactStripeEventHandler handler;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.stripe.api-url", stripe.url());
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void aPaidCheckoutGivesTheContactTheOffersTierAndRecordsTheSubscription() {
        Subscriber subscriber = subscriber();
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "active", FakeStripe.CONTACT_PRICE);

        deliver(subscriber, "stripe-event-checkout-session-completed.json", false);

        assertThat(contact(subscriber).tier()).isEqualTo("premium");
        assertThat(rows().query("SELECT status, tier, tier_before, offer_id, current_period_end IS NOT NULL AS period "
                + "FROM contact_subscriptions WHERE tenant_id = ?", subscriber.tenant().value()))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("active");
                    assertThat(row.get("tier")).isEqualTo("premium");
                    assertThat(row.get("tier_before")).isEqualTo("free");
                    assertThat(row.get("offer_id")).isEqualTo(subscriber.offer());
                    assertThat(row.get("period")).isEqualTo(true);
                });
        assertThat(audit(subscriber)).contains("contact.subscription.updated", "contact.tier.granted");
    }

    @Test
    void theContactIsFoundFromTheCheckoutsClientReferenceWhenTheSubscriptionHasNoMetadata() {
        Subscriber subscriber = subscriber();
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "active", FakeStripe.CONTACT_PRICE);

        deliver(subscriber, "stripe-event-checkout-session-completed.json", true);

        assertThat(contact(subscriber).tier()).isEqualTo("premium");
    }

    @Test
    void aDuplicateEventChangesNothingMore() {
        Subscriber subscriber = subscriber();
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "active", FakeStripe.CONTACT_PRICE);
        deliver(subscriber, "stripe-event-invoice-paid.json", false);
        int entries = audit(subscriber).size();

        handler.run(lastJob(subscriber)); // the same event's job again (a re-run after a crash)
        deliver(subscriber, "stripe-event-invoice-paid.json", false); // another event, same state

        assertThat(contact(subscriber).tier()).isEqualTo("premium");
        assertThat(audit(subscriber)).hasSize(entries);
    }

    @Test
    void anOlderActiveEventProcessedAfterTheSubscriptionEndedLeavesTheTierReverted() {
        Subscriber subscriber = subscriber();
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "active", FakeStripe.CONTACT_PRICE);
        deliver(subscriber, "stripe-event-customer-subscription-created.json", false);
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "canceled", FakeStripe.CONTACT_PRICE);
        metadata(subscriber);
        deliver(subscriber, "stripe-event-customer-subscription-deleted.json", false);
        assertThat(contact(subscriber).tier()).isEqualTo("free");

        deliver(subscriber, "stripe-event-customer-subscription-updated.json", false); // late, says active

        assertThat(contact(subscriber).tier()).isEqualTo("free");
        assertThat(audit(subscriber)).contains("contact.tier.reverted");
    }

    @Test
    void pastDueKeepsTheTierWhileStripeRetriesAndUnpaidTakesItBack() {
        Subscriber subscriber = subscriber();
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "active", FakeStripe.CONTACT_PRICE);
        deliver(subscriber, "stripe-event-invoice-paid.json", false);

        stripe.subscription(subscriber.subscription(), subscriber.customer(), "past_due", FakeStripe.CONTACT_PRICE);
        metadata(subscriber);
        deliver(subscriber, "stripe-event-invoice-payment-failed.json", false);
        assertThat(contact(subscriber).tier()).isEqualTo("premium");

        stripe.subscription(subscriber.subscription(), subscriber.customer(), "unpaid", FakeStripe.CONTACT_PRICE);
        metadata(subscriber);
        deliver(subscriber, "stripe-event-customer-subscription-updated.json", false);
        assertThat(contact(subscriber).tier()).isEqualTo("free");
    }

    @Test
    void theEndOfTheSubscriptionRestoresTheTierTheContactHadBefore() {
        Subscriber subscriber = subscriber();
        setTier(subscriber, "student");
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "active", FakeStripe.CONTACT_PRICE);
        deliver(subscriber, "stripe-event-invoice-paid.json", false);
        assertThat(contact(subscriber).tier()).isEqualTo("premium");

        stripe.subscription(subscriber.subscription(), subscriber.customer(), "canceled", FakeStripe.CONTACT_PRICE);
        metadata(subscriber);
        deliver(subscriber, "stripe-event-customer-subscription-deleted.json", false);

        assertThat(contact(subscriber).tier()).isEqualTo("student");
    }

    @Test
    void aTierAnAgentSetMeanwhileIsNotOverwrittenWhenTheSubscriptionEnds() {
        Subscriber subscriber = subscriber();
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "active", FakeStripe.CONTACT_PRICE);
        deliver(subscriber, "stripe-event-invoice-paid.json", false);
        setTier(subscriber, "vip");

        stripe.subscription(subscriber.subscription(), subscriber.customer(), "canceled", FakeStripe.CONTACT_PRICE);
        metadata(subscriber);
        deliver(subscriber, "stripe-event-customer-subscription-deleted.json", false);

        assertThat(contact(subscriber).tier()).isEqualTo("vip");
    }

    @Test
    void aSubscriptionMadeForAnotherTenantsContactIsIgnored() {
        Subscriber subscriber = subscriber();
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "active", FakeStripe.CONTACT_PRICE);
        stripe.subscriptionMetadata(subscriber.subscription(), ContactStripe.metadata(
                new TenantId(UUID.randomUUID()), subscriber.contact(), subscriber.offer()));

        deliverPrepared(subscriber, "stripe-event-invoice-paid.json");

        assertThat(contact(subscriber).tier()).isEqualTo("free");
        assertThat(rows().query("SELECT * FROM contact_subscriptions WHERE tenant_id = ?",
                subscriber.tenant().value())).isEmpty();
    }

    @Test
    void whenStripeCannotBeReachedTheJobFailsToBeRetriedAndChangesNothing() {
        Subscriber subscriber = subscriber();
        stripe.subscription(subscriber.subscription(), subscriber.customer(), "active", FakeStripe.CONTACT_PRICE);
        metadata(subscriber);
        post(subscriber, "stripe-event-invoice-paid.json");
        stripe.down(true);
        try {
            assertThatThrownBy(() -> handler.run(lastJob(subscriber))).isInstanceOf(StripeUnavailableException.class);
        } finally {
            stripe.down(false);
        }
        assertThat(contact(subscriber).tier()).isEqualTo("free");

        handler.run(lastJob(subscriber)); // the retry

        assertThat(contact(subscriber).tier()).isEqualTo("premium");
    }

    record Subscriber(TenantId tenant, UUID contact, UUID offer, String subscription, String customer) {
    }

    private Subscriber subscriber() {
        Channels.Created created = channels().web();
        UUID offer = new ContactStripe(scope, premium, accounts).connect(created.tenant(),
                FakeStripe.CONNECTED_WEBHOOK_SECRET);
        UUID contact = scope.write(created.tenant(), () -> contacts.upsertByIdentity(created.tenant().value(),
                created.id(), "web-" + ContactStripe.suffix(), "Mei", null).contact().id());
        return new Subscriber(created.tenant(), contact, offer, "sub_T" + ContactStripe.suffix(),
                ContactStripe.customer(contact));
    }

    private void metadata(Subscriber subscriber) {
        stripe.subscriptionMetadata(subscriber.subscription(),
                ContactStripe.metadata(subscriber.tenant(), subscriber.contact(), subscriber.offer()));
    }

    /** Posts the event to the tenant's webhook and runs its job; without metadata, only the checkout names the contact. */
    private void deliver(Subscriber subscriber, String fixture, boolean withoutMetadata) {
        if (!withoutMetadata) {
            metadata(subscriber);
        }
        deliverPrepared(subscriber, fixture);
    }

    private void deliverPrepared(Subscriber subscriber, String fixture) {
        post(subscriber, fixture);
        handler.run(lastJob(subscriber));
    }

    private void post(Subscriber subscriber, String fixture) {
        String body = ContactStripe.event(fixture, "evt_T" + ContactStripe.suffix(), subscriber.subscription(),
                subscriber.contact());
        int status = ContactStripe.post(URI.create(server.getURL().toString()), subscriber.tenant().toString(), body,
                ContactStripe.sign(body, FakeStripe.CONNECTED_WEBHOOK_SECRET));
        assertThat(status).isEqualTo(200);
    }

    private Job lastJob(Subscriber subscriber) {
        var row = rows().query("SELECT id, kind, CAST(args AS text) AS args FROM jobs WHERE tenant_id = ? "
                + "ORDER BY id DESC LIMIT 1", subscriber.tenant().value()).getFirst();
        return new Job((Long) row.get("id"), subscriber.tenant(), (String) row.get("kind"), (String) row.get("args"),
                1, 10);
    }

    private ContactRow contact(Subscriber subscriber) {
        return scope.read(subscriber.tenant(), () -> contacts.find(subscriber.tenant().value(), subscriber.contact())
                .orElseThrow());
    }

    private void setTier(Subscriber subscriber, String tier) {
        ContactRow row = contact(subscriber);
        scope.writeVoid(subscriber.tenant(), () -> contacts.update(subscriber.tenant().value(), row.id(),
                row.displayName(), row.attributes(), tier, false, null));
    }

    private java.util.List<Object> audit(Subscriber subscriber) {
        return rows().query("SELECT action FROM audit_log WHERE tenant_id = ? ORDER BY created_at",
                subscriber.tenant().value()).stream().map(row -> row.get("action")).toList();
    }
}
