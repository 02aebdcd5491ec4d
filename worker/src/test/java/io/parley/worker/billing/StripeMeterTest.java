package io.parley.worker.billing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.billing.StripeUnavailableException;
import io.parley.core.billing.TenantBillingRepository;
import io.parley.core.billing.meter.MeterHours;
import io.parley.core.billing.meter.MeterReconciler;
import io.parley.core.billing.meter.MeterReconciliationRow;
import io.parley.core.billing.meter.MeterReporter;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.FakeStripe;
import io.parley.core.testing.FakeStripeMeters;
import io.parley.core.testing.TestDatabase;
import io.parley.core.usage.AnsweredTurnRepository;
import io.parley.core.usage.LlmUsageRepository;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Metered usage reported to (fake) Stripe Billing Meters from the usage ledger: each closed hour once, with an
 * identifier derived from the tenant, meter and hour, so a retry after a refused or a lost answer never bills twice;
 * the reconciliation compares the ledger with Stripe's summaries and records drift. Settle is 2 minutes here (not the
 * default 15), so the setting is proven read.
 */
@MicronautTest(transactional = false)
class StripeMeterTest extends WorkerTest {

    private static final String MESSAGES = "parley_answered_messages";
    private static final String TOKENS = "parley_input_tokens";
    private static final String MESSAGES_METER = "mtr_FAKE_messages";

    private final FakeStripe stripe = FakeStripe.start();

    @Inject
    TenantBillingRepository billing;
    @Inject
    AnsweredTurnRepository answered;
    @Inject
    LlmUsageRepository llm;
    @Inject
    MeterReporter reporter;
    @Inject
    MeterReconciler reconciler;
    @Inject
    MeterScheduler scheduler;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(stripe.properties());
        properties.put("parley.billing.meters.messages.event-name", MESSAGES);
        properties.put("parley.billing.meters.messages.meter-id", MESSAGES_METER);
        properties.put("parley.billing.meters.messages.plans", "pro");
        properties.put("parley.billing.meters.tokens.event-name", TOKENS);
        properties.put("parley.billing.meters.tokens.quantity", "input-tokens");
        properties.put("parley.billing.meters.tokens.plans", "pro,business");
        properties.put("parley.billing.metering.settle", "2m");
        return properties;
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    private final Instant hour = MeterHours.floor(Instant.now());
    /** Three minutes into the current hour: the last hour ended more than the 2-minute settle ago. */
    private final Instant now = hour.plus(Duration.ofMinutes(3));

    @Test
    void eachClosedHourIsSentOnceWithTheSameIdentifierAcrossRetries() {
        Subscriber tenant = subscriber("pro", hour.minus(Duration.ofDays(3)));
        Instant fiveHoursAgo = hour.minus(Duration.ofHours(5));
        Instant lastHour = hour.minus(Duration.ofHours(1));
        turn(tenant, fiveHoursAgo.plusSeconds(60), 0);
        turn(tenant, fiveHoursAgo.plusSeconds(1800), 0);
        turn(tenant, lastHour.plusSeconds(3500), 120);

        stripe.meters().failNext(1);
        assertThatThrownBy(() -> reporter.report(tenant.id(), now)).isInstanceOf(StripeUnavailableException.class);
        stripe.meters().loseNextAnswers(1);
        assertThatThrownBy(() -> reporter.report(tenant.id(), now)).isInstanceOf(StripeUnavailableException.class);
        MeterReporter.Result result = reporter.report(tenant.id(), now);

        assertThat(stripe.meters().events(tenant.customer()))
                .extracting(FakeStripeMeters.Event::eventName, FakeStripeMeters.Event::value,
                        FakeStripeMeters.Event::timestamp)
                .containsExactlyInAnyOrder(tuple(MESSAGES, 2L, fiveHoursAgo.getEpochSecond()),
                        tuple(MESSAGES, 1L, lastHour.getEpochSecond()),
                        tuple(TOKENS, 120L, lastHour.getEpochSecond()));
        List<FakeStripe.Request> sent = meterRequests(tenant);
        assertThat(sent).hasSize(5); // refused once, answer lost once, then the three hours
        Map<String, List<FakeStripe.Request>> byIdentifier = sent.stream()
                .collect(Collectors.groupingBy(r -> r.form().get("identifier")));
        assertThat(byIdentifier).hasSize(3);
        byIdentifier.forEach((identifier, attempts) -> {
            assertThat(attempts).extracting(r -> r.form().get("payload[value]")).containsOnly(
                    attempts.getFirst().form().get("payload[value]"));
            assertThat(attempts).extracting(FakeStripe.Request::idempotencyKey).containsOnly(identifier);
        });
        assertThat(byIdentifier).containsKey(MeterHours.identifier(tenant.id().value(), MESSAGES, fiveHoursAgo));
        assertThat(result.reported()).isEqualTo(3);

        reporter.report(tenant.id(), now.plusSeconds(60));
        assertThat(meterRequests(tenant)).as("nothing is sent twice once reported").hasSize(5);
    }

    @Test
    void theOpenHourUsageBeforeThePeriodAndUnmeteredPlansAreNotReported() {
        Subscriber pro = subscriber("pro", hour.minus(Duration.ofHours(2)).plusSeconds(600));
        turn(pro, hour.minus(Duration.ofHours(3)), 0); // before the period started
        turn(pro, hour.minus(Duration.ofHours(2)).plusSeconds(900), 0); // in the hour the period started
        turn(pro, hour.plusSeconds(60), 0); // the current hour, still open
        Subscriber free = subscriber(null, hour.minus(Duration.ofDays(3)));
        turn(free, hour.minus(Duration.ofHours(1)), 0);

        reporter.report(pro.id(), now);
        reporter.report(free.id(), now);

        assertThat(stripe.meters().events(pro.customer())).isEmpty();
        assertThat(stripe.meters().events(free.customer())).isEmpty();

        reporter.report(pro.id(), hour.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(3)));
        assertThat(stripe.meters().events(pro.customer())).extracting(FakeStripeMeters.Event::timestamp)
                .containsExactly(hour.getEpochSecond());
    }

    @Test
    void theReconciliationRecordsNoDriftWhenStripeHasTheLedgerAndTheDriftWhenNot() {
        stripe.meters().meter(MESSAGES_METER, MESSAGES);
        Subscriber tenant = subscriber("pro", hour.minus(Duration.ofDays(1)));
        turn(tenant, hour.minus(Duration.ofHours(4)), 50);
        turn(tenant, hour.minus(Duration.ofHours(2)), 50);
        reporter.report(tenant.id(), now);

        List<MeterReconciliationRow> clean = reconciler.reconcile(tenant.id(), now);
        turn(tenant, hour.minus(Duration.ofHours(2)).plusSeconds(30), 0); // written after its hour was reported
        List<MeterReconciliationRow> drifted = reconciler.reconcile(tenant.id(), now);

        assertThat(clean).as("the tokens meter has no meter id: it cannot be reconciled").singleElement()
                .satisfies(row -> {
                    assertThat(row.eventName()).isEqualTo(MESSAGES);
                    assertThat(row.ledgerValue()).isEqualTo(2);
                    assertThat(row.stripeValue()).isEqualTo(2);
                    assertThat(row.drift()).isZero();
                });
        assertThat(drifted).singleElement().satisfies(row -> {
            assertThat(row.ledgerValue()).isEqualTo(3);
            assertThat(row.stripeValue()).isEqualTo(2);
            assertThat(row.drift()).isEqualTo(1);
            assertThat(row.windowStart()).isEqualTo(hour.minus(Duration.ofDays(1)));
            assertThat(row.windowEnd()).isEqualTo(hour);
        });
        assertThat(stripe.requests("GET", "/v1/billing/meters/" + MESSAGES_METER + "/event_summaries")).last()
                .satisfies(r -> assertThat(r.query()).contains("customer=" + tenant.customer())
                        .contains("start_time=" + hour.minus(Duration.ofDays(1)).getEpochSecond())
                        .contains("end_time=" + hour.getEpochSecond()));
    }

    @Test
    void everyWorkerEnqueuesTheSameOneReportAndOneCheckJobPerTenant() {
        Subscriber tenant = subscriber("pro", hour.minus(Duration.ofDays(1)));

        scheduler.enqueue(now);
        scheduler.enqueue(now.plusSeconds(30)); // another replica, or the next tick within the hour

        assertThat(rows().query("SELECT kind, unique_key FROM jobs WHERE tenant_id = ? ORDER BY kind",
                tenant.id().value())).extracting(row -> row.get("kind"), row -> row.get("unique_key"))
                .containsExactly(tuple(MeterReconcileHandler.KIND, "meter-check:" + now.getEpochSecond() / 21600),
                        tuple(MeterReportHandler.KIND, "meters:" + hour)); // hours closed before 07:00 (say)
    }

    record Subscriber(TenantId id, UUID bot, UUID channel, String customer) {
    }

    /** A tenant with a Stripe customer and, for a plan, a live subscription whose period started at {@code start}. */
    private Subscriber subscriber(String plan, Instant start) {
        Channels.Created created = channels().web();
        String customer = "cus_T" + StripeWebhookTest.suffix();
        scope.writeVoid(created.tenant(), () -> {
            billing.lock(created.tenant().value());
            billing.setCustomer(created.tenant().value(), customer);
            billing.routeCustomer(customer, created.tenant().value());
        });
        if (plan != null) {
            superuser("UPDATE tenant_billing SET stripe_subscription_id = 'sub_T" + StripeWebhookTest.suffix()
                    + "', plan_id = '" + plan + "', status = 'active', current_period_start = ?, "
                    + "current_period_end = ? WHERE tenant_id = ?", start, start.plus(Duration.ofDays(30)),
                    created.tenant().value());
        }
        return new Subscriber(created.tenant(), created.bot(), created.id(), customer);
    }

    /** An answered turn at {@code when}, with an LLM call of {@code inputTokens} when above 0. */
    private void turn(Subscriber tenant, Instant when, int inputTokens) {
        UUID turn = Ids.next();
        UUID call = Ids.next();
        UUID conversation = UUID.randomUUID();
        scope.writeVoid(tenant.id(), () -> {
            answered.insert(tenant.id().value(), turn, tenant.bot(), tenant.channel(), conversation);
            if (inputTokens > 0) {
                llm.record(tenant.id().value(), call, tenant.bot(), tenant.channel(), null, conversation,
                        "openai-compatible", "gpt-4o-mini", inputTokens, 10, 100, "ok", 30, false);
            }
        });
        superuser("UPDATE answered_turns SET answered_at = ? WHERE tenant_id = ? AND id = ?", when,
                tenant.id().value(), turn);
        superuser("UPDATE llm_usage SET created_at = ? WHERE tenant_id = ? AND id = ?", when, tenant.id().value(), call);
    }

    private List<FakeStripe.Request> meterRequests(Subscriber tenant) {
        return stripe.requests("POST", "/v1/billing/meter_events").stream()
                .filter(r -> tenant.customer().equals(r.form().get("payload[stripe_customer_id]"))).toList();
    }

    private static void superuser(String sql, Object... parameters) {
        try (var connection = TestDatabase.shared().openSuperuserConnection();
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i] instanceof Instant instant ? Timestamp.from(instant) : parameters[i];
                statement.setObject(i + 1, value);
            }
            statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
