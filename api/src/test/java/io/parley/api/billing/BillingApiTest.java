package io.parley.api.billing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.testing.FakeStripe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The billing API against a local fake Stripe: the no-card trial (30 days here, not the default 14, so the setting
 * is proven read), checkout with one customer per tenant, the portal, usage against every limit, roles.
 */
@MicronautTest(transactional = false)
class BillingApiTest extends ApiTest {

    private final FakeStripe stripe = FakeStripe.start();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(stripe.properties());
        properties.put("parley.billing.trial-days", "30");
        properties.put("parley.public-url", "https://parley.example");
        return properties;
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void aNewTenantTriesTheProPlanWithoutACardAndItsLimitsAreRaised() {
        Session owner = api().signup("Trial Co");

        Reply billing = api().get("/api/v1/billing", owner.accessToken());

        assertThat(billing.status()).isEqualTo(200);
        assertThat(billing.string("plan.id")).isEqualTo("pro");
        assertThat(billing.string("subscription.status")).isEqualTo("trialing");
        assertThat(billing.at("subscription.stripe")).isEqualTo(false);
        assertThat(Instant.parse(billing.string("subscription.trialEnd")))
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(5)));
        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "one")).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "two")).status())
                .as("Free allows one bot, the Pro trial five").isEqualTo(201);
    }

    @Test
    void showsUsageThisPeriodAgainstEveryLimit() {
        Session owner = api().signup("Usage Co");
        api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "b"));

        Reply billing = api().get("/api/v1/billing", owner.accessToken());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) billing.at("usage.items");
        assertThat(items).extracting(item -> item.get("key"))
                .containsExactly("bots", "channels", "members", "messagesPerMonth", "llmBudgetMicros");
        assertThat(items.getFirst()).containsEntry("used", 1).containsEntry("limit", 5);
        assertThat(items.get(2)).containsEntry("used", 1).containsEntry("limit", 20);
        assertThat(billing.string("usage.periodEnd")).isNotBlank();
        assertThat(billing.at("invoices")).isEqualTo(List.of());
    }

    @Test
    void checkoutCreatesTheTenantsCustomerOnceAndSendsTheBrowserToStripe() {
        Session owner = api().signup("Checkout Co");

        Reply first = api().post("/api/v1/billing/checkout", owner.accessToken(), Map.of("planId", "pro"));
        Reply second = api().post("/api/v1/billing/checkout", owner.accessToken(), Map.of("planId", "business"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.string("url")).startsWith(stripe.url() + "/checkout/cs_test_");
        List<FakeStripe.Request> sessions = stripe.requests("POST", "/v1/checkout/sessions").stream()
                .filter(r -> owner.tenantId().equals(r.form().get("client_reference_id"))).toList();
        assertThat(sessions).hasSize(2);
        FakeStripe.Request session = sessions.getFirst();
        assertThat(session.form()).containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", FakeStripe.PRO_PRICE)
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("subscription_data[metadata][tenant_id]", owner.tenantId())
                .containsEntry("cancel_url", "https://parley.example/billing?checkout=canceled");
        assertThat(session.form().get("success_url")).startsWith("https://parley.example/billing?checkout=success");
        assertThat(sessions.get(1).form()).containsEntry("line_items[0][price]", FakeStripe.BUSINESS_PRICE)
                .containsEntry("customer", session.form().get("customer"));
        assertThat(stripe.requests("POST", "/v1/customers").stream()
                .filter(r -> r.form().getOrDefault("metadata[tenant_id]", "").equals(owner.tenantId())))
                .as("one customer per tenant").hasSize(1);
        assertThat(api().get("/api/v1/audit-log?limit=20", owner.accessToken()).items())
                .extracting(entry -> entry.get("action")).contains("billing.customer.created", "billing.checkout.started");
    }

    @Test
    void aPlanThatCannotBeBoughtIsABadRequest() {
        Session owner = api().signup("Free Co");

        Reply free = api().post("/api/v1/billing/checkout", owner.accessToken(), Map.of("planId", "free"));
        Reply unknown = api().post("/api/v1/billing/checkout", owner.accessToken(), Map.of("planId", "platinum"));

        assertThat(free.status()).isEqualTo(400);
        assertThat(free.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void thePortalSessionReturnsToTheDashboard() {
        Session owner = api().signup("Portal Co");

        Reply portal = api().post("/api/v1/billing/portal", owner.accessToken(), Map.of());

        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.string("url")).startsWith(stripe.url() + "/portal/cus_");
        assertThat(stripe.requests("POST", "/v1/billing_portal/sessions").getLast().form())
                .containsEntry("return_url", "https://parley.example/billing");
    }

    @Test
    void invoicesComeFromStripe() {
        Session owner = api().signup("Invoice Co");
        String portal = api().post("/api/v1/billing/portal", owner.accessToken(), Map.of()).string("url");
        String customer = portal.substring(portal.lastIndexOf('/') + 1);
        stripe.invoice(customer, "in_T1" + customer);

        Reply billing = api().get("/api/v1/billing", owner.accessToken());

        assertThat(billing.string("invoices.0.id")).isEqualTo("in_T1" + customer);
        assertThat(billing.at("invoices.0.amountPaid")).isEqualTo(2000);
        assertThat(billing.string("invoices.0.hostedUrl")).startsWith("https://invoice.stripe.com/");
    }

    @Test
    void whenStripeIsDownCheckoutAnswers502AndTheBillingPageStillShowsPlanAndUsage() {
        Session owner = api().signup("Outage Co");
        api().post("/api/v1/billing/portal", owner.accessToken(), Map.of());
        stripe.down(true);
        try {
            Reply checkout = api().post("/api/v1/billing/checkout", owner.accessToken(), Map.of("planId", "pro"));
            Reply billing = api().get("/api/v1/billing", owner.accessToken());

            assertThat(checkout.status()).isEqualTo(502);
            assertThat(checkout.header("Content-Type")).startsWith("application/problem+json");
            assertThat(checkout.string("type")).endsWith("/stripe-unavailable");
            assertThat(checkout.text()).doesNotContain(FakeStripe.API_KEY);
            assertThat(billing.status()).isEqualTo(200);
            assertThat(billing.body()).containsEntry("invoices", null);
        } finally {
            stripe.down(false);
        }
    }

    @Test
    void agentsAndViewersCannotSeeOrChangeBilling() {
        Session owner = api().signup("Roles Co");
        Session admin = new Teams(api()).addMember(owner, "admin");
        for (String role : List.of("agent", "viewer")) {
            Session member = new Teams(api()).addMember(owner, role);
            assertThat(api().get("/api/v1/billing", member.accessToken()).status()).as(role).isEqualTo(403);
            assertThat(api().post("/api/v1/billing/checkout", member.accessToken(), Map.of("planId", "pro")).status())
                    .as(role).isEqualTo(403);
            assertThat(api().post("/api/v1/billing/subscription", member.accessToken(), Map.of("planId", "pro"))
                    .status()).as(role).isEqualTo(403);
            assertThat(api().post("/api/v1/billing/portal", member.accessToken(), Map.of()).status()).as(role)
                    .isEqualTo(403);
        }
        assertThat(api().get("/api/v1/billing", admin.accessToken()).status()).isEqualTo(200);
    }
}
