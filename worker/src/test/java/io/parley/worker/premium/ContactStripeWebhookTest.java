package io.parley.worker.premium;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactRepository;
import io.parley.core.premium.ContactPremiumRepository;
import io.parley.core.premium.ContactStripeAccounts;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.FakeStripe;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.ContactStripe;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /webhooks/stripe/{tenantId}: the tenant's own webhook secret on the raw body, storage by (tenant, event id),
 * one job per new event; anything unverified is a 400 problem and nothing is stored.
 */
@MicronautTest(transactional = false)
class ContactStripeWebhookTest extends WorkerTest {

    private static final String OTHER_SECRET = "whsec_FAKEtenantBtenantBtenantBtenantB0002";

    private final FakeStripe stripe = FakeStripe.start();

    @Inject
    ContactPremiumRepository premium;
    @Inject
    ContactStripeAccounts accounts;
    @Inject
    ContactRepository contacts;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.stripe.api-url", stripe.url());
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void storesANewEventUnderItsTenantAndEnqueuesOneJobForIt() {
        Tenant tenant = connected(FakeStripe.CONNECTED_WEBHOOK_SECRET);
        String body = completed(tenant, "evt_T" + ContactStripe.suffix(), "sub_T" + ContactStripe.suffix());

        assertThat(post(tenant.id().toString(), body, ContactStripe.sign(body, FakeStripe.CONNECTED_WEBHOOK_SECRET)))
                .isEqualTo(200);

        assertThat(rows().query("SELECT type, contact_hint FROM contact_stripe_events WHERE tenant_id = ?",
                tenant.id().value())).singleElement().satisfies(row -> {
                    assertThat(row.get("type")).isEqualTo("checkout.session.completed");
                    assertThat(row.get("contact_hint")).isEqualTo(tenant.contact().toString());
                });
        assertThat(rows().jobs(tenant.id().value())).singleElement().satisfies(job -> {
            assertThat(job.get("kind")).isEqualTo("premium.stripe-event");
            assertThat((String) job.get("unique_key")).startsWith("contact-stripe:evt_T");
        });
    }

    @Test
    void aRedeliveredEventIsAcknowledgedAndChangesNothing() {
        Tenant tenant = connected(FakeStripe.CONNECTED_WEBHOOK_SECRET);
        String body = completed(tenant, "evt_T" + ContactStripe.suffix(), "sub_T" + ContactStripe.suffix());

        assertThat(post(tenant.id().toString(), body, ContactStripe.sign(body, FakeStripe.CONNECTED_WEBHOOK_SECRET)))
                .isEqualTo(200);
        assertThat(post(tenant.id().toString(), body, ContactStripe.sign(body, FakeStripe.CONNECTED_WEBHOOK_SECRET)))
                .isEqualTo(200);

        assertThat(rows().query("SELECT id FROM contact_stripe_events WHERE tenant_id = ?", tenant.id().value()))
                .hasSize(1);
        assertThat(rows().jobs(tenant.id().value())).hasSize(1);
    }

    @Test
    void anEventSignedWithTenantAsSecretPostedToTenantBsUrlIsRejectedAndStoresNothing() {
        Tenant a = connected(FakeStripe.CONNECTED_WEBHOOK_SECRET);
        Tenant b = connected(OTHER_SECRET);
        String body = completed(a, "evt_T" + ContactStripe.suffix(), "sub_T" + ContactStripe.suffix());

        Reply reply = http().post("/webhooks/stripe/" + b.id(), body, Map.of("Content-Type", "application/json",
                "Stripe-Signature", ContactStripe.sign(body, FakeStripe.CONNECTED_WEBHOOK_SECRET)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.text()).contains("invalid-signature").doesNotContain(OTHER_SECRET)
                .doesNotContain(FakeStripe.CONNECTED_WEBHOOK_SECRET);
        assertThat(rows().query("SELECT id FROM contact_stripe_events WHERE tenant_id IN (?, ?)", a.id().value(),
                b.id().value())).isEmpty();
    }

    @Test
    void rejectsAnAlteredBodyAndAMissingSignature() {
        Tenant tenant = connected(FakeStripe.CONNECTED_WEBHOOK_SECRET);
        String body = completed(tenant, "evt_T" + ContactStripe.suffix(), "sub_T" + ContactStripe.suffix());
        String signature = ContactStripe.sign(body, FakeStripe.CONNECTED_WEBHOOK_SECRET);

        assertThat(post(tenant.id().toString(), body.replace("\"paid\"", "\"unpaid\""), signature)).isEqualTo(400);
        assertThat(http().post("/webhooks/stripe/" + tenant.id(), body, Map.of("Content-Type", "application/json"))
                .status()).isEqualTo(400);
        assertThat(rows().query("SELECT id FROM contact_stripe_events WHERE tenant_id = ?", tenant.id().value()))
                .isEmpty();
    }

    @Test
    void anUnknownTenantATenantWithoutAnAccountAndANonIdAreRejected() {
        Tenant tenant = connected(FakeStripe.CONNECTED_WEBHOOK_SECRET);
        Channels.Created unconnected = channels().web();
        String body = completed(tenant, "evt_T" + ContactStripe.suffix(), "sub_T" + ContactStripe.suffix());
        String signature = ContactStripe.sign(body, FakeStripe.CONNECTED_WEBHOOK_SECRET);

        assertThat(post(UUID.randomUUID().toString(), body, signature)).isEqualTo(400);
        assertThat(post(unconnected.tenant().toString(), body, signature)).isEqualTo(400);
        assertThat(post("not-a-tenant", body, signature)).isEqualTo(400);
    }

    record Tenant(TenantId id, UUID contact, UUID offer) {
    }

    private Tenant connected(String webhookSecret) {
        Channels.Created created = channels().web();
        UUID offer = new ContactStripe(scope, premium, accounts).connect(created.tenant(), webhookSecret);
        UUID contact = scope.write(created.tenant(), () -> contacts.upsertByIdentity(created.tenant().value(),
                created.id(), "web-" + ContactStripe.suffix(), "Mei", null).contact().id());
        return new Tenant(created.tenant(), contact, offer);
    }

    private static String completed(Tenant tenant, String eventId, String subscription) {
        return ContactStripe.event("stripe-event-checkout-session-completed.json", eventId, subscription,
                tenant.contact());
    }

    private int post(String tenantPath, String body, String signature) {
        return ContactStripe.post(URI.create(server.getURL().toString()), tenantPath, body, signature);
    }
}
