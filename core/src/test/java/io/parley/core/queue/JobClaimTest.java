package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim statement itself: what it picks, in which order, and that racing claimers never share a key. */
@MicronautTest(transactional = false)
class JobClaimTest extends QueueTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void claimsHigherPriorityFirstThenOldestAndNothingScheduledLater() {
        TenantId tenant = newTenant();
        String kind = kind("order");
        long low = enqueue(tenant, JobRequest.of(kind, "{}"));
        long later = enqueue(tenant, JobRequest.of(kind, "{}").at(Instant.now().plusSeconds(3600)));
        long high = enqueue(tenant, new JobRequest(kind, "{}", null, null, 5, 10, null, null));
        long low2 = enqueue(tenant, JobRequest.of(kind, "{}"));

        List<Job> first = store.claim("w1", List.of(kind), 2, LEASE);
        List<Job> rest = store.claim("w1", List.of(kind), 10, LEASE);

        assertThat(first).extracting(Job::id).containsExactlyInAnyOrder(high, low);
        assertThat(rest).extracting(Job::id).containsExactly(low2);
        JobRow claimed = row(tenant, high);
        assertThat(claimed.state()).isEqualTo("running");
        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(claimed.attemptedAt()).isNotNull();
        assertThat(row(tenant, later).state()).isEqualTo("available");
    }

    @Test
    void onlyTheOldestJobOfASerialKeyIsClaimableUntilItFinishes() {
        TenantId tenant = newTenant();
        String kind = kind("serial");
        long a = enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:x"));
        long b = enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:x"));
        long other = enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:y"));

        List<Job> claimed = store.claim("w1", List.of(kind), 10, LEASE);
        assertThat(claimed).extracting(Job::id).containsExactly(a, other);
        assertThat(store.claim("w2", List.of(kind), 10, LEASE)).as("b waits while a runs").isEmpty();

        store.complete("w1", List.of(claimed.get(0)));

        assertThat(store.claim("w2", List.of(kind), 10, LEASE)).extracting(Job::id).containsExactly(b);
    }

    @Test
    void aWaitingRetryOfAnEarlierJobHoldsBackItsKey() {
        TenantId tenant = newTenant();
        String kind = kind("retry-blocks");
        long a = enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:r"));
        enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:r"));
        Job first = store.claim("w1", List.of(kind), 10, LEASE).getFirst();

        store.fail(first, "w1", new JobFailure("boom", Duration.ofHours(1)));

        assertThat(row(tenant, a).state()).isEqualTo("retryable");
        assertThat(store.claim("w1", List.of(kind), 10, LEASE)).isEmpty();
    }

    @Test
    void aRetriedEarlierJobWaitsForTheRunningJobOfItsKey() {
        TenantId tenant = newTenant();
        String kind = kind("retried");
        long a = enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:z").maxAttempts(1));
        long b = enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:z"));
        Job first = store.claim("w1", List.of(kind), 10, LEASE).getFirst();
        store.fail(first, "w1", new JobFailure("discarded", null));
        assertThat(store.claim("w1", List.of(kind), 10, LEASE)).extracting(Job::id).containsExactly(b);

        scope.write(tenant, () -> jobs.retry(tenant.value(), a)); // the jobs API's retry, while b runs

        assertThat(store.claim("w2", List.of(kind), 10, LEASE)).as("a must not run beside b").isEmpty();
    }

    /**
     * The race the claim lock exists for: job a commits after job b of its key was claimed by a claimer whose
     * transaction is still open. A second claimer's snapshot would see a waiting with no predecessor and nothing
     * of the key running (the first claim is not committed yet); only the lock makes it wait and look again.
     */
    @Test
    void aLateCommittedEarlierJobNeverRunsBesideTheClaimedJobOfItsKey() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("late");
        CountDownLatch aInserted = new CountDownLatch(1);
        CountDownLatch commitA = new CountDownLatch(1);
        CountDownLatch bClaimed = new CountDownLatch(1);
        CountDownLatch finishClaim = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> a = threads.submit(() -> scope.write(tenant, () -> {
                long id = queue.enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:late")).orElseThrow();
                aInserted.countDown();
                awaitLatch(commitA);
                return id;
            }));
            aInserted.await();
            long b = enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:late"));
            Future<List<Job>> first = threads.submit(() -> scope.asQueue(() -> {
                List<Job> claimed = store.claim("w1", List.of(kind), 10, LEASE); // joins this open transaction
                bClaimed.countDown();
                awaitLatch(finishClaim);
                return claimed;
            }));
            bClaimed.await();
            commitA.countDown();
            assertThat(a.get()).isLessThan(b);

            Future<List<Job>> second = threads.submit(() -> store.claim("w2", List.of(kind), 10, LEASE));
            sleep(300);
            finishClaim.countDown();

            assertThat(first.get()).extracting(Job::id).containsExactly(b);
            assertThat(second.get(10, TimeUnit.SECONDS)).as("a must wait while b runs").isEmpty();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void racingClaimersNeverHoldTwoJobsOfOneKey() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("race");
        int keys = 20;
        int perKey = 5;
        for (int round = 0; round < perKey; round++) {
            for (int k = 0; k < keys; k++) {
                enqueue(tenant, JobRequest.of(kind, "{\"key\":" + k + "}").serial("race:" + k));
            }
        }
        Map<String, String> holders = new ConcurrentHashMap<>();
        Set<Long> done = ConcurrentHashMap.newKeySet();
        List<String> violations = new CopyOnWriteArrayList<>();

        try (ExecutorService claimers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                String worker = "claimer-" + c;
                all.add(claimers.submit(() -> {
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (done.size() < keys * perKey && System.nanoTime() < deadline) {
                        for (Job job : store.claim(worker, List.of(kind), 3, LEASE)) {
                            String key = job.argsJson();
                            if (holders.putIfAbsent(key, worker) != null) {
                                violations.add(worker + " claimed job " + job.id() + " while " + holders.get(key)
                                        + " held " + key);
                            }
                            sleep(ThreadLocalRandom.current().nextInt(0, 3));
                            holders.remove(key, worker);
                            store.complete(worker, List.of(job));
                            done.add(job.id());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : all) {
                future.get();
            }
        }

        assertThat(violations).isEmpty();
        assertThat(done).hasSize(keys * perKey);
    }
}
