package io.parley.core.ratelimit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch reservations from the governor's PostgreSQL buckets (docs/broadcasts.md "Rate governor"): one statement
 * grants min(requested, available), the bucket refilled by elapsed time, capped at its burst, and in debt down to the
 * asked horizon; the tokens beyond what the bucket held are slots in the future, one every 1/rate.
 */
@MicronautTest(transactional = false)
class SendGovernorReserveTest implements DatabaseTest {

    @Inject
    SendGovernor governor;

    @Inject
    DataSource dataSource;

    @Test
    void aFullBucketGrantsWhatItHoldsPlusTheHorizonAndNoMore() {
        String key = "test:" + UUID.randomUUID();

        // A slow refill (0.01/s) so the machine's slowness adds nothing: 5 held + 2 s × 0.01 = 5.02 → 5.
        SendGovernor.Grant first = governor.reserve(key, 0.01, 5, 100, 2);
        // A fast one: 5 held + 0.25 s × 40 = 15 → 15 granted.
        SendGovernor.Grant fast = governor.reserve("test:" + UUID.randomUUID(), 40, 5, 100, 0.25);

        assertThat(first.tokens()).isEqualTo(5);
        assertThat(fast.tokens()).isBetween(15, 16);
    }

    @Test
    void aBatchIsGrantedInPartWhenLessIsAvailable() {
        String key = "test:" + UUID.randomUUID();
        governor.reserve(key, 0.01, 5, 3, 0);

        SendGovernor.Grant rest = governor.reserve(key, 0.01, 5, 10, 0);
        SendGovernor.Grant none = governor.reserve(key, 0.01, 5, 10, 0);

        assertThat(rest.tokens()).isEqualTo(2);
        assertThat(none.tokens()).isZero();
        assertThat(none.retryAfter()).isGreaterThan(Duration.ofSeconds(60)); // a whole token at 0.01/s: ~100 s
    }

    @Test
    void slotsBeyondTheHeldTokensAreSpacedByTheRateAndFollowEarlierReservations() {
        String key = "test:" + UUID.randomUUID();
        SendGovernor.Grant first = governor.reserve(key, 10, 1, 3, 1);
        SendGovernor.Grant second = governor.reserve(key, 10, 1, 2, 1);

        assertThat(first.tokens()).isEqualTo(3);
        assertThat(first.slot(0)).isEqualTo(Duration.ZERO); // the one token the bucket held
        assertThat(first.slot(1).toMillis()).isBetween(99L, 100L);
        assertThat(first.slot(2).toMillis()).isBetween(199L, 200L);
        // The next taker's first slot comes after the first taker's last one (less the time between the two takes).
        assertThat(second.slot(0).toMillis()).isBetween(200L, 300L);
        assertThat(second.slot(1).toMillis() - second.slot(0).toMillis()).isBetween(99L, 100L);
    }

    @Test
    void anIdleBucketRefillsByElapsedTimeUpToItsBurstOnly() throws Exception {
        String key = "test:" + UUID.randomUUID();
        governor.reserve(key, 0.01, 4, 4, 0); // emptied
        backdate(key, Duration.ofSeconds(150)); // 150 s × 0.01 = 1.5 tokens back

        assertThat(governor.reserve(key, 0.01, 4, 10, 0).tokens()).isEqualTo(1);

        backdate(key, Duration.ofDays(1)); // far more than the burst
        assertThat(governor.reserve(key, 0.01, 4, 10, 0).tokens()).isEqualTo(4);
    }

    @Test
    void concurrentTakersNeverGetMoreThanTheBucketHorizonAndRefillTogether() throws Exception {
        String key = "test:" + UUID.randomUUID();
        double rate = 50;
        AtomicInteger granted = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService takers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                takers.submit(() -> {
                    for (int j = 0; j < 40; j++) {
                        SendGovernor.Grant grant = governor.reserve(key, rate, 2, 7, 0.5);
                        granted.addAndGet(grant.tokens());
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // 2 held + 0.5 s of horizon + the refill while they raced: 320 statements asking for 2,240 never get more.
        assertThat(granted.get()).isLessThanOrEqualTo((int) Math.floor(2 + rate * 0.5 + rate * seconds))
                .isGreaterThanOrEqualTo((int) (rate * seconds * 0.9));
    }

    @Test
    void concurrentTakersShareABucketToTheLastTokenAndNotOneMore() throws Exception {
        String key = "test:" + UUID.randomUUID();
        governor.reserve(key, 0.001, 100, 0, 0); // created full: 100 tokens, practically no refill
        AtomicInteger granted = new AtomicInteger();
        try (ExecutorService takers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                takers.submit(() -> {
                    for (int j = 0; j < 20; j++) {
                        granted.addAndGet(governor.reserve(key, 0.001, 100, 3, 0).tokens());
                    }
                    return null;
                });
            }
        }

        assertThat(granted.get()).isEqualTo(100); // 160 statements asking for 480 split exactly the 100 held
    }

    @Test
    void aTakerThatWaitedForAnotherOnesTakeGrantsFromWhatThatOneLeft() throws Exception {
        String key = "test:" + UUID.randomUUID();
        governor.reserve(key, 0.001, 10, 0, 0); // created full: 10 tokens, practically no refill
        try (Connection other = rawConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement take = other.prepareStatement(
                    "UPDATE send_rate_buckets SET tokens = 0 WHERE key = ?")) { // another process takes all 10
                take.setString(1, key);
                take.executeUpdate();
            }
            try (ExecutorService taker = Executors.newSingleThreadExecutor()) {
                var waiting = taker.submit(() -> governor.reserve(key, 0.001, 10, 5, 0));
                Thread.sleep(500); // it reads the bucket and waits for the other's row lock
                other.commit();

                assertThat(waiting.get().tokens()).isZero(); // not 5 from the 10 it would have read before the wait
            }
        }
    }

    private Connection rawConnection() throws Exception {
        return io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection();
    }

    private void backdate(String key, Duration by) throws Exception {
        try (Connection connection = rawConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE send_rate_buckets"
                     + " SET refreshed_at = refreshed_at - ? * interval '1 millisecond' WHERE key = ?")) {
            statement.setLong(1, by.toMillis());
            statement.setString(2, key);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
