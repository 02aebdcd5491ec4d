package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.FakeStripe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading end to end, every role in one process: checkout through the API, Stripe's signed webhook, the queue
 * processing it, and the plan and its limits changing for the tenant (no trial here, so the raise is the payment's).
 */
@MicronautTest(transactional = false)
class BillingRoundTripTest extends PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeStripe stripe = FakeStripe.start();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.putAll(stripe.properties());
        properties.put("parley.billing.trial-days", "0");
        return properties;
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void aCheckoutPaidAtStripeRaisesTheTenantsPlanOnceTheWebhookArrives() throws Exception {
        String token = (String) post("/api/v1/auth/signup", null, Map.of("email", "pay-" + UUID.randomUUID()
                + "@example.com", "password", "correct horse battery", "tenantName", "Paying"), 201).get("accessToken");
        post("/api/v1/bots", token, Map.of("name", "first"), 201);
        assertThat(send("POST", "/api/v1/bots", token, Map.of("name", "second")).statusCode()).isEqualTo(402);

        String url = (String) post("/api/v1/billing/checkout", token, Map.of("planId", "pro"), 200).get("url");
        assertThat(url).startsWith(stripe.url() + "/checkout/");
        FakeStripe.Request session = stripe.requests("POST", "/v1/checkout/sessions").getLast();
        String customer = session.form().get("customer");
        String subscription = "sub_E2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        stripe.subscription(subscription, customer, "active", FakeStripe.PRO_PRICE);
        String event = FakeStripe.event("stripe-event-checkout-session-completed.json", "evt_E2E" + subscription,
                customer, subscription);

        HttpResponse<String> webhook = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/webhooks/stripe"))
                .header("Content-Type", "application/json").header("Stripe-Signature", FakeStripe.sign(event))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(webhook.statusCode()).isEqualTo(200);

        await("the Pro plan in force", WAIT, () -> "pro".equals(planOf(token)));
        Map<String, Object> billing = get("/api/v1/billing", token);
        @SuppressWarnings("unchecked")
        Map<String, Object> subscriptionView = (Map<String, Object>) billing.get("subscription");
        assertThat(subscriptionView).containsEntry("status", "active").containsEntry("planId", "pro");
        post("/api/v1/bots", token, Map.of("name", "second"), 201);
    }

    @SuppressWarnings("unchecked")
    private String planOf(String token) {
        return (String) ((Map<String, Object>) get("/api/v1/billing", token).get("plan")).get("id");
    }
}
