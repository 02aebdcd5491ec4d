package io.parley.core.ratelimit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL token buckets every worker process shares (docs/broadcasts.md "Rate governor"). */
@MicronautTest(transactional = false)
class SendGovernorTest implements DatabaseTest {

    @Inject
    SendGovernor governor;

    @Test
    void manySendersTogetherNeverTakeMoreThanTheBucketAndItsRefill() throws Exception {
        String key = "test:" + UUID.randomUUID();
        AtomicInteger taken = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                senders.submit(() -> {
                    for (int j = 0; j < 100; j++) {
                        if (governor.tryTake(key, 20, 1, SendGovernor.Priority.LIVE).isZero()) {
                            taken.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // 20 in the bucket at the start, then 20 a second: 800 tries racing never get more.
        assertThat(taken.get()).isLessThanOrEqualTo((int) Math.ceil(20 + 20 * seconds) + 1).isGreaterThanOrEqualTo(20);
    }

    @Test
    void takingBlocksAtTheRate() throws Exception {
        String key = "test:" + UUID.randomUUID();
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            governor.take(key, 10, 1, SendGovernor.Priority.LIVE);
        }
        assertThat((System.nanoTime() - start) / 1e9).isGreaterThan(1.8); // 10 at once, then 20 at 10/s
    }

    @Test
    void bulkSendersLeaveAReserveThatLiveRepliesStillGet() {
        String key = "test:" + UUID.randomUUID();
        int bulk = 0;
        // A bucket of 10 that refills slowly (0.1/s), so a loaded machine's slowness adds no token meanwhile.
        while (governor.tryTake(key, 0.1, 10, 1, SendGovernor.Priority.BULK).isZero()) {
            bulk++;
        }
        assertThat(bulk).isEqualTo(8); // a fifth of the 10 is kept for live replies
        assertThat(governor.tryTake(key, 0.1, 10, 1, SendGovernor.Priority.LIVE)).isEqualTo(Duration.ZERO);
        assertThat(governor.tryTake(key, 0.1, 10, 1, SendGovernor.Priority.LIVE)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aPenaltyStopsEveryoneUntilTheBucketHasRefilled() {
        String key = "test:" + UUID.randomUUID();
        governor.penalize(key, 10, Duration.ofSeconds(2));

        Duration wait = governor.tryTake(key, 10, 1, SendGovernor.Priority.LIVE);

        assertThat(wait).isGreaterThan(Duration.ofMillis(1500));
    }
}
