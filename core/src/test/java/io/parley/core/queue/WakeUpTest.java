package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** LISTEN/NOTIFY: an enqueued job starts at once, not at the next poll. */
@MicronautTest(transactional = false)
class WakeUpTest extends QueueTest {

    @Test
    void aJobStartsWithinMomentsOfItsEnqueueEvenWithAnHourlyPoll() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("prompt");
        CompletableFuture<Long> startedAt = new CompletableFuture<>();
        JobWorker worker = startWorker(settings().poll(Duration.ofHours(1)).build(),
                handler(kind, job -> startedAt.complete(System.nanoTime())));
        await(worker::listening, Duration.ofSeconds(5), "the worker to listen");
        sleep(100); // let the start-up claim pass, so only a wake-up can find the job

        long enqueuedAt = System.nanoTime();
        enqueue(tenant, JobRequest.of(kind, "{}"));

        long started = startedAt.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(started - enqueuedAt)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void theNextJobOfAKeyStartsAsSoonAsItsPredecessorCompletes() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("chain");
        CompletableFuture<Long> secondStartedAt = new CompletableFuture<>();
        long[] firstId = new long[1];
        CompletableFuture<Long> firstEndedAt = new CompletableFuture<>();
        JobWorker worker = startWorker(settings().poll(Duration.ofHours(1)).build(), handler(kind, job -> {
            if (job.id() == firstId[0]) {
                Thread.sleep(200);
                firstEndedAt.complete(System.nanoTime());
            } else {
                secondStartedAt.complete(System.nanoTime());
            }
        }));
        await(worker::listening, Duration.ofSeconds(5), "the worker to listen");

        firstId[0] = scope.write(tenant, () -> {
            long first = queue.enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:chain")).orElseThrow();
            queue.enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:chain"));
            return first;
        });

        long started = secondStartedAt.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(started - firstEndedAt.get())).isLessThan(Duration.ofMillis(500));
    }
}
