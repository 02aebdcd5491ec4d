package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Graceful shutdown: stop claiming, let running jobs finish in time, hand back the rest uncounted. */
@MicronautTest(transactional = false)
class ShutdownTest extends QueueTest {

    @Test
    void shutdownLetsRunningJobsFinish() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("finishing");
        CountDownLatch started = new CountDownLatch(1);
        JobWorker worker = startWorker(settings().shutdown(Duration.ofSeconds(5)).build(), handler(kind, job -> {
            started.countDown();
            Thread.sleep(500);
        }));
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        worker.stop();

        JobRow done = row(tenant, id);
        assertThat(done.state()).isEqualTo("completed");
        assertThat(done.attempt()).isEqualTo(1);
    }

    @Test
    void shutdownHandsBackJobsThatOutlastItsTimeoutWithoutCountingTheAttempt() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("endless");
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        JobWorker worker = startWorker(settings().shutdown(Duration.ofMillis(200)).build(), handler(kind, job -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        }));
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        long before = System.nanoTime();
        worker.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        JobRow released = row(tenant, id);
        assertThat(released.state()).isEqualTo("available");
        assertThat(released.attempt()).isZero();
        assertThat(released.errors()).isEqualTo("[]");
        await(interrupted::get, Duration.ofSeconds(2), "the handler to be interrupted");
        sleep(200); // the interrupted handler's failure must not be recorded over the release
        assertThat(row(tenant, id).state()).isEqualTo("available");

        startWorker(settings().build(), handler(kind, job -> { }));
        assertThat(awaitState(tenant, id, "completed", Duration.ofSeconds(5)).attempt()).isEqualTo(1);
    }

    @Test
    void aStoppedWorkerClaimsNothingMore() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("after-stop");
        JobWorker worker = startWorker(settings().poll(Duration.ofMillis(50)).build(), handler(kind, job -> { }));
        await(worker::listening, Duration.ofSeconds(5), "the worker to listen");

        worker.stop();
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        sleep(300);

        assertThat(row(tenant, id).state()).isEqualTo("available");
    }
}
