package io.parley.core.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's gauges count every tenant's jobs (jobs are under row-level security) by kind and state. */
@MicronautTest(transactional = false)
class QueueMetricsTest implements DatabaseTest {

    @Inject
    QueueMetrics metrics;
    @Inject
    MeterRegistry registry;
    @Inject
    JobQueue queue;
    @Inject
    TenantScope scope;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.queue.enabled", "false"); // nothing claims: the jobs stay where the test put them
        properties.put("parley.metrics.queue-interval", "1h"); // refreshed by the test
        return properties;
    }

    @Test
    void jobsOfEveryTenantAreCountedByKindAndStateWithTheAgeOfTheOldestDueOne() {
        String kind = "test.metrics-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId first = new TenantId(Ids.next());
        TenantId second = new TenantId(Ids.next());
        scope.write(first, () -> queue.enqueue(first, JobRequest.of(kind, "{}").at(java.time.Instant.now().minusSeconds(90))));
        scope.write(second, () -> queue.enqueue(second, JobRequest.of(kind, "{}")));
        scope.write(second, () -> queue.enqueue(second, JobRequest.of(kind, "{}").after(Duration.ofHours(1))));

        metrics.refresh();

        assertThat(gauge("parley.queue.jobs", kind, "available")).isEqualTo(2);
        assertThat(gauge("parley.queue.jobs", kind, "scheduled")).isEqualTo(1);
        assertThat(gauge("parley.queue.jobs", kind, "running")).isZero();
        assertThat(registry.get("parley.queue.oldest").tag("kind", kind).gauge().value()).isBetween(89.0, 150.0);
    }

    private double gauge(String name, String kind, String state) {
        return registry.get(name).tag("kind", kind).tag("state", state).gauge().value();
    }
}
