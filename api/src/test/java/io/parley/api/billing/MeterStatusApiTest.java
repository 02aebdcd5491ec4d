package io.parley.api.billing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.billing.meter.MeterReconciliationRepository;
import io.parley.core.billing.meter.MeterReportRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.FakeStripe;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What was reported to Stripe's meters this billing period, and the drift the reconciliation found; per tenant. */
@MicronautTest(transactional = false)
class MeterStatusApiTest extends ApiTest {

    private static final String MESSAGES = "parley_answered_messages";

    private final FakeStripe stripe = FakeStripe.start();

    @Inject
    TenantScope scope;
    @Inject
    MeterReportRepository reports;
    @Inject
    MeterReconciliationRepository reconciliations;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(stripe.properties());
        properties.put("parley.billing.meters.messages.event-name", MESSAGES);
        properties.put("parley.billing.meters.messages.meter-id", "mtr_FAKE_messages");
        properties.put("parley.billing.meters.messages.plans", "pro");
        return properties;
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void showsWhatWasReportedThisPeriodWhatWaitsAndTheDrift() {
        Session owner = api().signup("Metered Co");
        TenantId tenant = new TenantId(UUID.fromString(owner.tenantId()));
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
        subscribe(tenant, start);
        Instant before = start.minus(Duration.ofHours(5));
        Instant first = start.plus(Duration.ofHours(1));
        Instant second = start.plus(Duration.ofHours(2));
        scope.writeVoid(tenant, () -> {
            reports.insertOnce(tenant.value(), MESSAGES, before, 9, "p1:before", "cus_x");
            reports.markReported(tenant.value(), MESSAGES, before);
            reports.insertOnce(tenant.value(), MESSAGES, first, 4, "p1:first", "cus_x");
            reports.markReported(tenant.value(), MESSAGES, first);
            reports.insertOnce(tenant.value(), MESSAGES, second, 3, "p1:second", "cus_x");
            reconciliations.save(tenant.value(), MESSAGES, start, second, 7, 4, 3);
        });

        Reply meters = api().get("/api/v1/billing/meters", owner.accessToken());

        assertThat(meters.status()).isEqualTo(200);
        assertThat(meters.at("enabled")).isEqualTo(true);
        assertThat(meters.<Object>at("meters")).asList().singleElement().satisfies(meter -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) meter;
            assertThat(m).containsEntry("eventName", MESSAGES).containsEntry("quantity", "answered-messages")
                    .containsEntry("billed", true).containsEntry("reportedValue", 4).containsEntry("pendingHours", 1)
                    .containsEntry("lastReportedHour", first.toString());
            assertThat(m.get("reconciliation")).isEqualTo(Map.of("checkedAt", ((Map<?, ?>) m.get("reconciliation"))
                    .get("checkedAt"), "windowStart", start.toString(), "windowEnd", second.toString(),
                    "ledgerValue", 7, "stripeValue", 4, "drift", 3));
        });
    }

    @Test
    void anotherTenantSeesOnlyItsOwnAndOnlyOwnersAndAdminsRead() {
        Session owner = api().signup("Metered Owner Co");
        Session stranger = api().signup("Unmetered Co");
        TenantId tenant = new TenantId(UUID.fromString(owner.tenantId()));
        subscribe(tenant, Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1)));
        scope.writeVoid(tenant, () -> reconciliations.save(tenant.value(), MESSAGES, Instant.now(), Instant.now(), 1, 0, 1));

        Reply theirs = api().get("/api/v1/billing/meters", stranger.accessToken());

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.at("periodStart")).isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> meters = (List<Map<String, Object>>) theirs.at("meters");
        assertThat(meters).singleElement().satisfies(m -> assertThat(m).containsEntry("billed", false)
                .containsEntry("reportedValue", 0).containsEntry("reconciliation", null));
        Teams teams = new Teams(api());
        assertThat(api().get("/api/v1/billing/meters", teams.addMember(owner, "agent").accessToken()).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/billing/meters", teams.addMember(owner, "viewer").accessToken()).status())
                .isEqualTo(403);
    }

    private static void subscribe(TenantId tenant, Instant start) {
        try (var connection = TestDatabase.shared().openSuperuserConnection();
             var statement = connection.prepareStatement("""
                     INSERT INTO tenant_billing (tenant_id, stripe_customer_id, stripe_subscription_id, plan_id, status,
                         current_period_start, current_period_end) VALUES (?, ?, ?, 'pro', 'active', ?, ?)
                     ON CONFLICT (tenant_id) DO UPDATE SET stripe_customer_id = EXCLUDED.stripe_customer_id,
                         stripe_subscription_id = EXCLUDED.stripe_subscription_id, plan_id = 'pro', status = 'active',
                         current_period_start = EXCLUDED.current_period_start,
                         current_period_end = EXCLUDED.current_period_end""")) {
            statement.setObject(1, tenant.value());
            statement.setString(2, "cus_M" + UUID.randomUUID().toString().substring(0, 8));
            statement.setString(3, "sub_M" + UUID.randomUUID().toString().substring(0, 8));
            statement.setTimestamp(4, Timestamp.from(start));
            statement.setTimestamp(5, Timestamp.from(start.plus(Duration.ofDays(30))));
            statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
