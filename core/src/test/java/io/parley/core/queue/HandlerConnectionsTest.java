package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs in flight far outnumber the pool's connections (the benchmark runs 2,500 against 20): their database steps
 * take turns under the worker's cap, so none fails for want of a connection and work outside the jobs still gets one.
 * The pool here has 8 connections and gives up on a caller after 250 ms.
 */
@MicronautTest(transactional = false)
class HandlerConnectionsTest extends QueueTest {

    private static final int CAP = 3;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("datasources.default.connection-timeout", "250");
        return properties;
    }

    @Test
    void manyJobsInFlightTakeTurnsForAFewConnectionsAndLeaveTheRestOfThePoolFree() {
        TenantId tenant = newTenant();
        String kind = kind("database-step");
        AtomicInteger inTransaction = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        JobHandler step = handler(kind, job -> scope.writeVoid(tenant, () -> {
            most.accumulateAndGet(inTransaction.incrementAndGet(), Math::max);
            try {
                sleep(40); // a slow statement, holding its connection
            } finally {
                inTransaction.decrementAndGet();
            }
        }));
        JobWorker worker = startWorker(settings().concurrency(60).build(), step);
        worker.limitHandlerTransactions(CAP, 8);

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(enqueue(tenant, JobRequest.of(kind, "{}")));
        }
        for (int i = 0; i < 10; i++) { // a webhook or an API request meanwhile: not capped, never starved
            assertThat(row(tenant, ids.getLast()).id()).isEqualTo(ids.getLast());
            sleep(20);
        }

        for (long id : ids) {
            JobRow done = awaitState(tenant, id, "completed", Duration.ofSeconds(30));
            assertThat(done.attempt()).as("job %d never failed for want of a connection", id).isEqualTo(1);
        }
        assertThat(most.get()).isLessThanOrEqualTo(CAP);
    }

    @Test
    void aTransactionInsideAnotherOfTheSameJobTakesNoSecondTurn() {
        TenantId tenant = newTenant();
        String kind = kind("nested");
        AtomicInteger done = new AtomicInteger();
        JobHandler nested = handler(kind, job -> scope.writeVoid(tenant, () ->
                scope.writeVoid(tenant, done::incrementAndGet)));
        JobWorker worker = startWorker(settings().build(), nested);
        worker.limitHandlerTransactions(1, 8);

        long id = enqueue(tenant, JobRequest.of(kind, "{}"));

        assertThat(awaitState(tenant, id, "completed", Duration.ofSeconds(10)).attempt()).isEqualTo(1);
        assertThat(done).hasValue(1);
    }
}
