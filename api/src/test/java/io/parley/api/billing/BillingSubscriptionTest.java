package io.parley.api.billing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.audit.Actor;
import io.parley.core.billing.StripeGateway;
import io.parley.core.billing.SubscriptionSync;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.FakeStripe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant with a Stripe subscription: it changes plan (prorated), never buys a second one; tenants stay apart. */
@MicronautTest(transactional = false)
class BillingSubscriptionTest extends ApiTest {

    private final FakeStripe stripe = FakeStripe.start();

    @Inject
    TenantScope scope;
    @Inject
    SubscriptionSync sync;
    @Inject
    StripeGateway gateway;

    @Override
    protected Map<String, String> extraProperties() {
        return stripe.properties();
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void aSubscribedTenantChangesPlanWithProrationInsteadOfBuyingASecondSubscription() {
        Session owner = api().signup("Subscribed Co");
        String subscription = subscribe(owner, FakeStripe.PRO_PRICE);

        Reply again = api().post("/api/v1/billing/checkout", owner.accessToken(), Map.of("planId", "business"));
        Reply changed = api().post("/api/v1/billing/subscription", owner.accessToken(), Map.of("planId", "business"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.string("plan.id")).isEqualTo("business");
        assertThat(changed.string("subscription.status")).isEqualTo("active");
        assertThat(stripe.requests("POST", "/v1/subscriptions/" + subscription).getLast().form())
                .containsEntry("items[0][price]", FakeStripe.BUSINESS_PRICE)
                .containsEntry("proration_behavior", "create_prorations");
        assertThat(api().get("/api/v1/audit-log?limit=5", owner.accessToken()).items())
                .anySatisfy(entry -> assertThat(entry).containsEntry("action", "billing.plan.changed")
                        .containsEntry("details", Map.of("from", "pro", "to", "business")));
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("plan.id")).isEqualTo("business");
    }

    @Test
    void withoutASubscriptionThereIsNothingToChange() {
        Session owner = api().signup("Unsubscribed Co");

        Reply change = api().post("/api/v1/billing/subscription", owner.accessToken(), Map.of("planId", "business"));

        assertThat(change.status()).isEqualTo(409);
    }

    @Test
    void anotherTenantSeesNoneOfThisTenantsBillingAndCannotChangeIt() {
        Session owner = api().signup("Paying Co");
        String subscription = subscribe(owner, FakeStripe.PRO_PRICE);
        Session other = api().signup("Nosy Co");

        Reply theirs = api().get("/api/v1/billing", other.accessToken());
        Reply change = api().post("/api/v1/billing/subscription", other.accessToken(), Map.of("planId", "business"));

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.text()).doesNotContain(subscription).doesNotContain(owner.tenantId());
        assertThat(theirs.string("subscription.stripe")).isEqualTo("false");
        assertThat(theirs.at("invoices")).isEqualTo(List.of());
        assertThat(change.status()).isEqualTo(409);
        assertThat(api().get("/api/v1/billing", owner.accessToken()).string("plan.id")).isEqualTo("pro");
    }

    /** The tenant subscribes: its customer exists (portal), Stripe holds the subscription, the webhook's sync ran. */
    private String subscribe(Session owner, String price) {
        String portal = api().post("/api/v1/billing/portal", owner.accessToken(), Map.of()).string("url");
        String customer = portal.substring(portal.lastIndexOf('/') + 1);
        String subscription = "sub_T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        stripe.subscription(subscription, customer, "active", price);
        TenantId tenant = new TenantId(UUID.fromString(owner.tenantId()));
        scope.writeVoid(tenant, () -> sync.apply(tenant, gateway.subscription(subscription), Actor.system("test")));
        return subscription;
    }
}
