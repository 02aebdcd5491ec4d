package io.parley.worker.billing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.billing.StripeUnavailableException;
import io.parley.core.billing.TenantBillingRepository;
import io.parley.core.billing.TenantBillingRow;
import io.parley.core.plan.PlanGuard;
import io.parley.core.plan.PlanLimit;
import io.parley.core.plan.PlanLimitReachedException;
import io.parley.core.plan.PlanRepository;
import io.parley.core.queue.Job;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.FakeStripe;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Stripe events processed from the queue: each re-reads the subscription from (fake) Stripe, so late, duplicate and
 * out-of-order events never undo newer state; past due keeps the plan for the grace period (3 days here, not the
 * default 7, so the setting is proven read), then the base plan applies until the tenant pays.
 */
@MicronautTest(transactional = false)
class StripeEventProcessingTest extends WorkerTest {

    private final FakeStripe stripe = FakeStripe.start();

    @Inject
    TenantBillingRepository billing;
    @Inject
    PlanRepository plans;
    @Inject
    PlanGuard guard;
    @Inject
    StripeEventHandler handler;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(stripe.properties());
        properties.put("parley.billing.grace-period", "3d");
        return properties;
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void aCompletedCheckoutPutsTheTenantOnThePaidPlanAndRaisesItsLimits() {
        Tenant tenant = tenant();
        assertThatThrownBy(() -> roomForAnotherBot(tenant)).isInstanceOf(PlanLimitReachedException.class);
        stripe.subscription(tenant.subscription(), tenant.customer(), "active", FakeStripe.PRO_PRICE);

        deliver(tenant, "stripe-event-checkout-session-completed.json");

        TenantBillingRow row = row(tenant);
        assertThat(row.status()).isEqualTo("active");
        assertThat(row.planId()).isEqualTo("pro");
        assertThat(row.currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(1771147800L));
        assertThat(planInForce(tenant)).isEqualTo("pro");
        roomForAnotherBot(tenant); // Pro allows 5 bots; Free allowed 1
        assertThat(rows().query("SELECT action FROM audit_log WHERE tenant_id = ? ORDER BY created_at", tenant.id().value()))
                .extracting(r -> r.get("action"))
                .contains("billing.subscription.updated", "billing.checkout.completed");
    }

    @Test
    void anOlderPastDueEventProcessedAfterThePaymentLeavesTheSubscriptionActive() {
        Tenant tenant = tenant();
        stripe.subscription(tenant.subscription(), tenant.customer(), "active", FakeStripe.PRO_PRICE);

        deliver(tenant, "stripe-event-customer-subscription-updated-past-due.json");

        assertThat(row(tenant).status()).isEqualTo("active");
        assertThat(planInForce(tenant)).isEqualTo("pro");
    }

    @Test
    void theDeletionOfAnEndedSubscriptionDoesNotReplaceTheCurrentOne() {
        Tenant tenant = tenant();
        stripe.subscription(tenant.subscription(), tenant.customer(), "active", FakeStripe.BUSINESS_PRICE);
        deliver(tenant, "stripe-event-customer-subscription-created.json");
        String old = "sub_Told" + StripeWebhookTest.suffix();
        stripe.subscription(old, tenant.customer(), "canceled", FakeStripe.PRO_PRICE);

        deliver(new Tenant(tenant.id(), tenant.customer(), old), "stripe-event-customer-subscription-deleted.json");

        assertThat(row(tenant).stripeSubscriptionId()).isEqualTo(tenant.subscription());
        assertThat(planInForce(tenant)).isEqualTo("business");
    }

    @Test
    void pastDueKeepsThePlanForTheGracePeriodThenFallsBackToFreeAndPayingRestoresItAtOnce() {
        Tenant tenant = tenant();
        stripe.subscription(tenant.subscription(), tenant.customer(), "active", FakeStripe.PRO_PRICE);
        deliver(tenant, "stripe-event-invoice-paid.json");
        roomForAnotherBot(tenant);

        stripe.subscription(tenant.subscription(), tenant.customer(), "past_due", FakeStripe.PRO_PRICE);
        deliver(tenant, "stripe-event-invoice-payment-failed.json");

        TenantBillingRow pastDue = row(tenant);
        assertThat(pastDue.status()).isEqualTo("past_due");
        assertThat(pastDue.graceEndsAt()).isCloseTo(Instant.now().plus(Duration.ofDays(3)), within(Duration.ofMinutes(1)));
        assertThat(planInForce(tenant)).as("inside the grace period").isEqualTo("pro");

        rows().query("UPDATE tenant_billing SET grace_ends_at = now() - interval '1 second' WHERE tenant_id = ? "
                + "RETURNING tenant_id", tenant.id().value());
        assertThat(planInForce(tenant)).as("after the grace period").isEqualTo("free");
        assertThatThrownBy(() -> roomForAnotherBot(tenant)).isInstanceOf(PlanLimitReachedException.class);
        assertThat(rows().query("SELECT id FROM bots WHERE tenant_id = ?", tenant.id().value())).as("nothing deleted")
                .hasSize(1);

        stripe.subscription(tenant.subscription(), tenant.customer(), "active", FakeStripe.PRO_PRICE);
        deliver(tenant, "stripe-event-invoice-paid.json");

        assertThat(planInForce(tenant)).isEqualTo("pro");
        assertThat(row(tenant).graceEndsAt()).isNull();
    }

    @Test
    void aSecondPaymentFailureDoesNotMoveTheGracePeriod() {
        Tenant tenant = tenant();
        stripe.subscription(tenant.subscription(), tenant.customer(), "past_due", FakeStripe.PRO_PRICE);
        deliver(tenant, "stripe-event-invoice-payment-failed.json");
        Instant graceEnds = row(tenant).graceEndsAt();

        deliver(tenant, "stripe-event-invoice-payment-failed.json");

        assertThat(row(tenant).graceEndsAt()).isEqualTo(graceEnds);
    }

    @Test
    void aTrialThatEndsUnpaidFallsBackToFree() {
        Tenant tenant = tenant();
        long trialEnd = Instant.now().plus(Duration.ofDays(3)).getEpochSecond();
        stripe.subscription(tenant.subscription(), tenant.customer(), "trialing", FakeStripe.PRO_PRICE, false, trialEnd);
        deliver(tenant, "stripe-event-customer-subscription-created.json");
        assertThat(planInForce(tenant)).isEqualTo("pro");
        assertThat(row(tenant).trialEndsAt()).isEqualTo(Instant.ofEpochSecond(trialEnd));

        deliver(tenant, "stripe-event-customer-subscription-updated.json", "customer.subscription.trial_will_end");
        stripe.subscription(tenant.subscription(), tenant.customer(), "unpaid", FakeStripe.PRO_PRICE, false, trialEnd);
        deliver(tenant, "stripe-event-customer-subscription-updated.json");

        assertThat(planInForce(tenant)).isEqualTo("free");
        assertThat(rows().query("SELECT action FROM audit_log WHERE tenant_id = ?", tenant.id().value()))
                .extracting(r -> r.get("action")).contains("billing.trial.ending");
    }

    @Test
    void aJobThatCannotReachStripeFailsSoTheQueueRetriesItAndTheRetrySucceeds() {
        Tenant tenant = tenant();
        stripe.subscription(tenant.subscription(), tenant.customer(), "active", FakeStripe.PRO_PRICE);
        String body = body(tenant, "stripe-event-invoice-paid.json", null);
        assertThat(http().post("/webhooks/stripe", body, Map.of("Stripe-Signature", FakeStripe.sign(body))).status())
                .isEqualTo(200);
        Job job = job(tenant);

        stripe.down(true);
        try {
            assertThatThrownBy(() -> handler.run(job)).isInstanceOf(StripeUnavailableException.class);
        } finally {
            stripe.down(false);
        }
        assertThat(planInForce(tenant)).isEqualTo("free");

        handler.run(job);
        assertThat(planInForce(tenant)).isEqualTo("pro");
    }

    record Tenant(TenantId id, String customer, String subscription) {
    }

    private Tenant tenant() {
        Channels.Created created = channels().web();
        String customer = "cus_T" + StripeWebhookTest.suffix();
        scope.writeVoid(created.tenant(), () -> {
            billing.lock(created.tenant().value());
            billing.setCustomer(created.tenant().value(), customer);
            billing.routeCustomer(customer, created.tenant().value());
        });
        return new Tenant(created.tenant(), customer, "sub_T" + StripeWebhookTest.suffix());
    }

    private void deliver(Tenant tenant, String fixture) {
        deliver(tenant, fixture, null);
    }

    /** Posts the fixture as Stripe would (signed, a new event id), then runs the job it enqueued. */
    private void deliver(Tenant tenant, String fixture, String type) {
        String body = body(tenant, fixture, type);
        assertThat(http().post("/webhooks/stripe", body, Map.of("Stripe-Signature", FakeStripe.sign(body))).status())
                .isEqualTo(200);
        handler.run(job(tenant));
    }

    private static String body(Tenant tenant, String fixture, String type) {
        String body = FakeStripe.event(fixture, "evt_T" + StripeWebhookTest.suffix(), tenant.customer(),
                tenant.subscription());
        return type == null ? body : body.replaceAll("\"type\": ?\"[a-z._]+\"\\s*}\\s*$", "\"type\": \"" + type + "\"}");
    }

    /** The tenant's newest job, as the queue would hand it to the handler. */
    private Job job(Tenant tenant) {
        var row = rows().query("SELECT id, kind, CAST(args AS text) AS args FROM jobs WHERE tenant_id = ? "
                + "ORDER BY id DESC LIMIT 1", tenant.id().value()).getFirst();
        return new Job((Long) row.get("id"), tenant.id(), (String) row.get("kind"), (String) row.get("args"), 1, 10);
    }

    private TenantBillingRow row(Tenant tenant) {
        return scope.read(tenant.id(), () -> billing.find(tenant.id().value()).orElseThrow());
    }

    private String planInForce(Tenant tenant) {
        return scope.read(tenant.id(), () -> plans.tenantPlan(tenant.id().value()).orElseThrow().id());
    }

    private void roomForAnotherBot(Tenant tenant) {
        scope.writeVoid(tenant.id(), () -> guard.requireRoomForOneMore(tenant.id(), PlanLimit.BOTS));
    }
}
