package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What a worker records for each way a handler can end: completed, retried with backoff, delayed, discarded. */
@MicronautTest(transactional = false)
class JobOutcomeTest extends QueueTest {

    @Test
    void anEnqueuedJobRunsOnceAndCompletes() {
        TenantId tenant = newTenant();
        String kind = kind("once");
        AtomicInteger runs = new AtomicInteger();
        List<Job> seen = new CopyOnWriteArrayList<>();
        startWorker(settings().build(), handler(kind, job -> {
            runs.incrementAndGet();
            seen.add(job);
        }));

        long id = enqueue(tenant, JobRequest.of(kind, "{\"eventId\":\"e-1\"}"));

        JobRow done = awaitState(tenant, id, "completed", Duration.ofSeconds(5));
        assertThat(done.attempt()).isEqualTo(1);
        assertThat(done.finalizedAt()).isNotNull();
        assertThat(done.errors()).isEqualTo("[]");
        assertThat(seen).singleElement().satisfies(job -> {
            assertThat(job.tenant()).isEqualTo(tenant);
            assertThat(job.argsJson()).isEqualTo("{\"eventId\": \"e-1\"}");
            assertThat(job.attempt()).isEqualTo(1);
        });
        sleep(300); // a second run would show up by now
        assertThat(runs).hasValue(1);
    }

    @Test
    void aDuplicateUniqueKeyMakesNoSecondJob() {
        TenantId tenant = newTenant();
        String kind = kind("unique");
        AtomicInteger runs = new AtomicInteger();
        JobRequest request = JobRequest.of(kind, "{}").unique("line:event-42");

        long first = enqueue(tenant, request);
        var second = scope.write(tenant, () -> queue.enqueue(tenant, request));
        startWorker(settings().build(), handler(kind, job -> runs.incrementAndGet()));

        assertThat(second).isEmpty();
        awaitState(tenant, first, "completed", Duration.ofSeconds(5));
        sleep(300);
        assertThat(runs).hasValue(1);
        assertThat(scope.read(tenant, () -> jobs.page(tenant.value(), Long.MAX_VALUE, null, kind, 10))).hasSize(1);
    }

    @Test
    void aFailingJobIsRetriedWithGrowingBackoffUntilItSucceeds() {
        TenantId tenant = newTenant();
        String kind = kind("flaky");
        List<Long> starts = new CopyOnWriteArrayList<>();
        startWorker(settings().backoffUnit(Duration.ofMillis(100)).build(), handler(kind, job -> {
            starts.add(System.nanoTime());
            if (job.attempt() < 3) {
                throw new IllegalStateException("provider answered 503 on attempt " + job.attempt());
            }
        }));

        long id = enqueue(tenant, JobRequest.of(kind, "{}"));

        JobRow done = awaitState(tenant, id, "completed", Duration.ofSeconds(10));
        assertThat(done.attempt()).isEqualTo(3);
        assertThat(starts).hasSize(3);
        // unit × attempt⁴ with ±10 % jitter: ≥ 90 ms after attempt 1, ≥ 1,440 ms after attempt 2
        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(Duration.ofNanos(starts.get(2) - starts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1440));
        assertThat(errors(done)).extracting(e -> e.get("attempt")).containsExactly(1, 2);
        assertThat(errors(done)).extracting(e -> e.get("error")).containsExactly(
                "java.lang.IllegalStateException: provider answered 503 on attempt 1",
                "java.lang.IllegalStateException: provider answered 503 on attempt 2");
    }

    @Test
    void aJobThatKeepsFailingIsDiscardedAfterItsLastAttemptWithEveryErrorRecorded() {
        TenantId tenant = newTenant();
        String kind = kind("doomed");
        AtomicInteger runs = new AtomicInteger();
        startWorker(settings().build(), handler(kind, job -> {
            runs.incrementAndGet();
            throw new java.io.IOException("connection reset");
        }));

        long id = enqueue(tenant, JobRequest.of(kind, "{}").maxAttempts(3));

        JobRow discarded = awaitState(tenant, id, "discarded", Duration.ofSeconds(10));
        assertThat(discarded.attempt()).isEqualTo(3);
        assertThat(discarded.finalizedAt()).isNotNull();
        assertThat(errors(discarded)).hasSize(3).allSatisfy(error -> {
            assertThat(error.get("error")).isEqualTo("java.io.IOException: connection reset");
            assertThat(error.get("at")).isNotNull();
        });
        sleep(300);
        assertThat(runs).hasValue(3);
    }

    @Test
    void retryAfterDelaysTheNextAttemptByTheDelayGiven() {
        TenantId tenant = newTenant();
        String kind = kind("rate-limited");
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<Long> failedAt = new CopyOnWriteArrayList<>();
        startWorker(settings().poll(Duration.ofMillis(50)).build(), handler(kind, job -> {
            starts.add(System.nanoTime());
            if (job.attempt() == 1) {
                failedAt.add(System.nanoTime());
                throw new JobRetryAfter(Duration.ofMillis(700), "429, Retry-After: 0.7");
            }
        }));

        long id = enqueue(tenant, JobRequest.of(kind, "{}"));

        JobRow done = awaitState(tenant, id, "completed", Duration.ofSeconds(5));
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(Duration.ofNanos(starts.get(1) - failedAt.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(errors(done)).singleElement().satisfies(error -> assertThat(error.get("error"))
                .isEqualTo("io.parley.core.queue.JobRetryAfter: 429, Retry-After: 0.7"));
    }

    @Test
    void jobDiscardEndsTheJobAtOnceWithItsReason() {
        TenantId tenant = newTenant();
        String kind = kind("outside-window");
        AtomicInteger runs = new AtomicInteger();
        startWorker(settings().build(), handler(kind, job -> {
            runs.incrementAndGet();
            throw new JobDiscard("WhatsApp 131047: more than 24 hours since the customer last replied");
        }));

        long id = enqueue(tenant, JobRequest.of(kind, "{}"));

        JobRow discarded = awaitState(tenant, id, "discarded", Duration.ofSeconds(5));
        assertThat(discarded.attempt()).isEqualTo(1);
        assertThat(errors(discarded)).singleElement().satisfies(error -> assertThat(error.get("error")).isEqualTo(
                "io.parley.core.queue.JobDiscard: WhatsApp 131047: more than 24 hours since the customer last replied"));
        sleep(200);
        assertThat(runs).hasValue(1);
    }

    @Test
    void errorsRecordedForAJobCarryNoCredentials() {
        TenantId tenant = newTenant();
        String kind = kind("leaky");
        startWorker(settings().build(), handler(kind, job -> {
            throw new IllegalStateException("POST https://api.telegram.org/bot123456:AAH-secret_token/sendMessage "
                    + "failed; Authorization: Bearer sk-live-abc123");
        }));

        long id = enqueue(tenant, JobRequest.of(kind, "{}").maxAttempts(1));

        JobRow discarded = awaitState(tenant, id, "discarded", Duration.ofSeconds(5));
        assertThat(discarded.errors()).doesNotContain("AAH-secret_token", "sk-live-abc123")
                .contains("bot<redacted>/sendMessage", "Bearer <redacted>");
    }

    @Test
    void aWorkerLeavesKindsItHasNoHandlerForToAWorkerThatHasOne() {
        TenantId tenant = newTenant();
        String known = kind("known");
        String other = kind("elsewhere");
        startWorker(settings().build(), handler(known, job -> { }));

        long foreign = enqueue(tenant, JobRequest.of(other, "{}"));
        long mine = enqueue(tenant, JobRequest.of(known, "{}"));

        awaitState(tenant, mine, "completed", Duration.ofSeconds(5));
        assertThat(row(tenant, foreign).state()).isEqualTo("available");
        assertThat(row(tenant, foreign).attempt()).isZero();

        startWorker(settings().build(), handler(other, job -> { }));
        awaitState(tenant, foreign, "completed", Duration.ofSeconds(5));
    }
}
