package io.parley.worker.billing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.billing.TenantBillingRepository;
import io.parley.core.testing.FakeStripe;
import io.parley.core.testing.Fixtures;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /webhooks/stripe: signature on the raw body, durable storage by event id, one job per new event. */
@MicronautTest(transactional = false)
class StripeWebhookTest extends WorkerTest {

    private final FakeStripe stripe = FakeStripe.start();

    @Inject
    TenantBillingRepository billing;

    @Override
    protected Map<String, String> extraProperties() {
        return stripe.properties();
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void signsExactlyLikeTheSharedSignatureVectors() {
        // shared/protocols/signatures.md §4b
        assertThat(FakeStripe.sign("{\"id\":\"evt_FAKE\",\"object\":\"event\"}", FakeStripe.WEBHOOK_SECRET, 1767225600L))
                .isEqualTo("t=1767225600,v1=8ab398b0ec17d9bd965326f6f6b6c35c86919cb756090eb58439d388415cc9f5");
    }

    @Test
    void storesANewEventAndEnqueuesOneJobForIt() {
        Customer customer = customer();
        String body = FakeStripe.event("stripe-event-checkout-session-completed.json", "evt_T" + suffix(),
                customer.id(), "sub_T" + suffix());

        Reply reply = post(body, FakeStripe.sign(body));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(rows().query("SELECT type FROM stripe_events WHERE tenant_id = ?", customer.tenant()))
                .extracting(row -> row.get("type")).containsExactly("checkout.session.completed");
        assertThat(rows().jobs(customer.tenant())).singleElement().satisfies(job -> {
            assertThat(job.get("kind")).isEqualTo("billing.stripe-event");
            assertThat((String) job.get("unique_key")).startsWith("stripe:evt_T");
            assertThat(job.get("serial_key")).isEqualTo("billing:" + customer.tenant());
        });
    }

    @Test
    void aRedeliveredEventIsAcknowledgedAndChangesNothing() {
        Customer customer = customer();
        String body = FakeStripe.event("stripe-event-invoice-paid.json", "evt_T" + suffix(), customer.id(),
                "sub_T" + suffix());

        assertThat(post(body, FakeStripe.sign(body)).status()).isEqualTo(200);
        assertThat(post(body, FakeStripe.sign(body)).status()).isEqualTo(200);

        assertThat(rows().query("SELECT id FROM stripe_events WHERE tenant_id = ?", customer.tenant())).hasSize(1);
        assertThat(rows().jobs(customer.tenant())).hasSize(1);
    }

    @Test
    void rejectsAnEventSignedWithAnotherSecretAndStoresNothing() {
        Customer customer = customer();
        String body = FakeStripe.event("stripe-event-invoice-paid.json", "evt_T" + suffix(), customer.id(), "sub_x");

        Reply reply = post(body, FakeStripe.sign(body, "whsec_someone_else", Instant.now().getEpochSecond()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.text()).contains("invalid-signature").doesNotContain(FakeStripe.WEBHOOK_SECRET);
        assertThat(rows().query("SELECT id FROM stripe_events WHERE tenant_id = ?", customer.tenant())).isEmpty();
    }

    @Test
    void rejectsAnAlteredBody() {
        Customer customer = customer();
        String body = FakeStripe.event("stripe-event-invoice-paid.json", "evt_T" + suffix(), customer.id(), "sub_x");
        String signature = FakeStripe.sign(body);

        assertThat(post(body.replace("\"paid\"", "\"void\""), signature).status()).isEqualTo(400);
    }

    @Test
    void rejectsAMissingSignature() {
        Reply reply = http().post("/webhooks/stripe", Fixtures.text("stripe-event-invoice-paid.json"),
                Map.of("Content-Type", "application/json"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void rejectsACorrectlySignedEventOlderThanFiveMinutes() {
        // signatures.md §4a: the right HMAC, but signed on 2026-01-15 — a replay
        String body = Fixtures.text("stripe-event-checkout-session-completed.json");

        Reply reply = post(body, "t=1768469405,v1=95cac9fbc48f95599a0e3cfe78977af262993a52e4ecdddb5bcf3f0202027fd9");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void acknowledgesAnEventAboutSomeoneElsesCustomerWithoutStoringIt() {
        String eventId = "evt_T" + suffix();
        String body = FakeStripe.event("stripe-event-invoice-paid.json", eventId, "cus_not_ours", "sub_x");

        assertThat(post(body, FakeStripe.sign(body)).status()).isEqualTo(200);
        assertThat(rows().query("SELECT id FROM stripe_events WHERE id = ?", eventId)).isEmpty();
    }

    record Customer(UUID tenant, String id) {
    }

    private Customer customer() {
        Channels.Created created = channels().web();
        String id = "cus_T" + suffix();
        scope.writeVoid(created.tenant(), () -> {
            billing.lock(created.tenant().value());
            billing.setCustomer(created.tenant().value(), id);
            billing.routeCustomer(id, created.tenant().value());
        });
        return new Customer(created.tenant().value(), id);
    }

    private Reply post(String body, String signature) {
        return http().post("/webhooks/stripe", body, Map.of("Content-Type", "application/json; charset=utf-8",
                "Stripe-Signature", signature));
    }

    static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
