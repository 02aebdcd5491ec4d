package io.parley.worker.testing;

import io.parley.core.premium.ContactPremiumRepository;
import io.parley.core.premium.ContactStripeAccounts;
import io.parley.core.premium.ContactStripeGateway;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.FakeStripe;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's own Stripe account in worker tests: connected straight in the database (the API that does it lives in
 * the api module), an offer, and Stripe events of that account aimed at a contact, posted to the tenant's webhook.
 */
public final class ContactStripe {

    private final TenantScope scope;
    private final ContactPremiumRepository premium;
    private final ContactStripeAccounts accounts;

    public ContactStripe(TenantScope scope, ContactPremiumRepository premium, ContactStripeAccounts accounts) {
        this.scope = scope;
        this.premium = premium;
        this.accounts = accounts;
    }

    /** Connects the fake's connected account with {@code webhookSecret}; returns an offer of tier premium. */
    public UUID connect(TenantId tenant, String webhookSecret) {
        UUID offer = Ids.next();
        scope.writeVoid(tenant, () -> {
            premium.saveAccount(tenant.value(), accounts.sealKey(tenant, FakeStripe.CONNECTED_KEY), "0001", false,
                    accounts.sealWebhookSecret(tenant, webhookSecret), null);
            premium.insertOffer(tenant.value(), offer, "Premium monthly", FakeStripe.CONTACT_PRICE, "premium");
        });
        return offer;
    }

    /** The metadata Parley's checkout gives the subscription. */
    public static Map<String, String> metadata(TenantId tenant, UUID contact, UUID offer) {
        return Map.of(ContactStripeGateway.TENANT, tenant.toString(), ContactStripeGateway.CONTACT, contact.toString(),
                ContactStripeGateway.OFFER, offer.toString());
    }

    /** A fixture event of the connected account about {@code subscription}, its checkout made for {@code contact}. */
    public static String event(String fixture, String eventId, String subscription, UUID contact) {
        return FakeStripe.event(fixture, eventId, "cus_contact_" + contact.toString().substring(0, 8), subscription)
                .replace("\"client_reference_id\": \"tenant_42\"", "\"client_reference_id\": \"" + contact + "\"");
    }

    public static String customer(UUID contact) {
        return "cus_contact_" + contact.toString().substring(0, 8);
    }

    public static int post(URI server, String tenantPath, String body, String signature) {
        try {
            HttpRequest request = HttpRequest.newBuilder(server.resolve("/webhooks/stripe/" + tenantPath))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String body, String secret) {
        return FakeStripe.sign(body, secret, Instant.now().getEpochSecond());
    }

    public static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
