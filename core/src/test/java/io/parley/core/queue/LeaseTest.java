package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Leases: a crashed worker's job runs again, exactly once more; a slow but healthy job keeps its lease. */
@MicronautTest(transactional = false)
class LeaseTest extends QueueTest {

    @Test
    void aDeadWorkersJobIsRescuedAndCompletedExactlyOnce() {
        TenantId tenant = newTenant();
        String kind = kind("orphan");
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        // A worker claims it with a short lease, then dies: it never finishes and never heartbeats.
        assertThat(store.claim("dead-worker", List.of(kind), 10, Duration.ofMillis(300))).hasSize(1);
        AtomicInteger runs = new AtomicInteger();
        startWorker(settings().rescue(Duration.ofMillis(100)).build(), handler(kind, job -> runs.incrementAndGet()));

        JobRow done = awaitState(tenant, id, "completed", Duration.ofSeconds(10));

        assertThat(done.attempt()).as("the dead worker's attempt counts").isEqualTo(2);
        assertThat(errors(done)).singleElement().satisfies(error -> {
            assertThat(error.get("attempt")).isEqualTo(1);
            assertThat(error.get("error")).isEqualTo("lease expired: worker dead-worker stopped before finishing attempt 1");
        });
        sleep(500); // several more rescue rounds: nothing runs it again
        assertThat(runs).hasValue(1);
        assertThat(row(tenant, id).state()).isEqualTo("completed");
    }

    @Test
    void aLostLastAttemptIsDiscarded() {
        TenantId tenant = newTenant();
        String kind = kind("last-orphan");
        long id = enqueue(tenant, JobRequest.of(kind, "{}").maxAttempts(1));
        store.claim("dead-worker", List.of(kind), 10, Duration.ofMillis(50));
        sleep(100);

        store.rescue(100, new Backoff(Duration.ofMillis(10), Duration.ofHours(1), () -> 0.5));

        JobRow discarded = row(tenant, id);
        assertThat(discarded.state()).isEqualTo("discarded");
        assertThat(discarded.finalizedAt()).isNotNull();
        assertThat(discarded.errors()).contains("lease expired");
    }

    @Test
    void aSlowHealthyJobKeepsItsLeaseByHeartbeating() {
        TenantId tenant = newTenant();
        String kind = kind("slow");
        AtomicInteger runs = new AtomicInteger();
        JobHandler slow = handler(kind, job -> {
            runs.incrementAndGet();
            Thread.sleep(2000); // four leases long
        });
        QueueSettings shortLease = settings().lease(Duration.ofMillis(500)).rescue(Duration.ofMillis(100)).build();
        startWorker(shortLease, slow);
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        startWorker(shortLease, slow); // a second worker, ready to take the job should it be rescued

        JobRow done = awaitState(tenant, id, "completed", Duration.ofSeconds(10));

        assertThat(runs).hasValue(1);
        assertThat(done.attempt()).isEqualTo(1);
        assertThat(done.errors()).isEqualTo("[]");
    }
}
