package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-conversation order: jobs sharing a serial key run one at a time, oldest first, across workers, while jobs of
 * different keys run in parallel.
 */
@MicronautTest(transactional = false)
class SerialOrderTest extends QueueTest {

    private static final int KEYS = 50;
    private static final int JOBS_PER_KEY = 10;

    @Test
    void jobsOfOneKeyRunOneAtATimeInIdOrderWhileKeysRunInParallel() throws Exception {
        String kind = kind("turn");
        List<TenantId> tenants = List.of(newTenant(), newTenant(), newTenant(), newTenant(), newTenant());
        Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
        Map<String, List<Long>> completedIds = new ConcurrentHashMap<>();
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        JobHandler turn = handler(kind, job -> {
            String key = job.argsJson().replaceAll(".*\"key\": \"([^\"]+)\".*", "$1");
            if (active.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() != 1) {
                violations.add("two jobs of " + key + " at once (job " + job.id() + ")");
            }
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 6));
                if (job.id() % 7 == 0 && job.attempt() == 1) {
                    throw new IllegalStateException("first attempt fails; its key must wait for the retry");
                }
                completedIds.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(job.id());
            } finally {
                running.decrementAndGet();
                active.get(key).decrementAndGet();
            }
        });
        // Two workers of 16 (concurrency 32 in all) race for the same keys. A one-minute poll: only NOTIFY and
        // local wake-ups (a finished job frees its key's successor, a retry falls due) can keep this moving.
        QueueSettings sixteen = settings().concurrency(16).poll(Duration.ofMinutes(1)).build();
        startWorker(sixteen, turn);
        startWorker(sixteen, turn);

        Map<String, List<Long>> enqueuedIds = enqueueConcurrently(tenants, kind);

        await(() -> completedIds.values().stream().mapToInt(List::size).sum() == KEYS * JOBS_PER_KEY,
                Duration.ofSeconds(60), "every job to complete");
        assertThat(violations).isEmpty();
        assertThat(completedIds).hasSize(KEYS);
        enqueuedIds.forEach((key, ids) -> assertThat(completedIds.get(key)).as(key).containsExactlyElementsOf(ids));
        assertThat(runs.get()).as("each job once, plus one retry per failed first attempt")
                .isEqualTo(KEYS * JOBS_PER_KEY + (int) enqueuedIds.values().stream().flatMap(List::stream)
                        .filter(id -> id % 7 == 0).count());
        assertThat(mostAtOnce.get()).as("different keys ran in parallel").isGreaterThan(8);
    }

    /** Five threads enqueue ten keys each, one job per key per round, so ids of different keys interleave. */
    private Map<String, List<Long>> enqueueConcurrently(List<TenantId> tenants, String kind) throws Exception {
        Map<String, List<Long>> ids = new ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < tenants.size(); t++) {
                TenantId tenant = tenants.get(t);
                int first = t * (KEYS / tenants.size());
                done.add(threads.submit(() -> {
                    for (int round = 0; round < JOBS_PER_KEY; round++) {
                        for (int k = first; k < first + KEYS / tenants.size(); k++) {
                            String key = "conv:" + tenant + ":" + k;
                            long id = enqueue(tenant, JobRequest.of(kind, "{\"key\":\"" + key + "\"}").serial(key));
                            ids.computeIfAbsent(key, x -> new CopyOnWriteArrayList<>()).add(id);
                        }
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
            }
        }
        return ids;
    }
}
