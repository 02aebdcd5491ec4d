package io.parley.core.alert;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every interval, one evaluation job per tenant with an enabled rule, however many workers enqueue it. */
@MicronautTest(transactional = false)
@Property(name = "parley.alerts.interval", value = "10m")
class AlertSchedulerTest implements DatabaseTest {

    @Inject
    AlertScheduler scheduler;

    @Test
    void enqueuesOneEvaluationPerTenantWithAnEnabledRuleAndInterval() {
        AlertData watched = AlertData.create("UTC");
        watched.rule("handoff_waiting", true, null, null, null, null, 10);
        AlertData quiet = AlertData.create("UTC");
        quiet.rule("handoff_waiting", false, null, null, null, null, 10);

        scheduler.enqueue(Instant.parse("2026-03-10T12:00:00Z"));
        scheduler.enqueue(Instant.parse("2026-03-10T12:09:59Z")); // another worker, the same 10-minute slot
        assertThat(jobs(watched)).isEqualTo(1);
        scheduler.enqueue(Instant.parse("2026-03-10T12:10:00Z"));
        assertThat(jobs(watched)).isEqualTo(2);
        assertThat(jobs(quiet)).isZero();

        AlertData.sql("UPDATE alert_rules SET enabled = true WHERE tenant_id = ?", quiet.tenant().value());
        scheduler.enqueue(Instant.parse("2026-03-10T12:20:00Z"));
        assertThat(jobs(quiet)).as("enabling a rule starts the evaluations").isEqualTo(1);
    }

    private static long jobs(AlertData data) {
        return AlertData.count("SELECT count(*) FROM jobs WHERE tenant_id = ? AND kind = 'alert.evaluate'",
                data.tenant().value());
    }
}
