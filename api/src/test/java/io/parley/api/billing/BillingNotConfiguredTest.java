package io.parley.api.billing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without STRIPE_API_KEY: billing answers 503 billing-not-configured, no trial is given, plans still hold. */
@MicronautTest(transactional = false)
class BillingNotConfiguredTest extends ApiTest {

    @Test
    void everyBillingEndpointAnswers503BillingNotConfigured() {
        Session owner = api().signup("No Stripe Co");

        for (Reply reply : new Reply[] {
                api().get("/api/v1/billing", owner.accessToken()),
                api().post("/api/v1/billing/checkout", owner.accessToken(), Map.of("planId", "pro")),
                api().post("/api/v1/billing/subscription", owner.accessToken(), Map.of("planId", "pro")),
                api().post("/api/v1/billing/portal", owner.accessToken(), Map.of())}) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/billing-not-configured");
        }
    }

    @Test
    void aNewTenantGetsNoTrialAndTheFreePlanIsStillEnforced() {
        Session owner = api().signup("Still Free Co");

        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("plan.id")).isEqualTo("free");
        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "one")).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "two")).status()).isEqualTo(402);
    }
}
