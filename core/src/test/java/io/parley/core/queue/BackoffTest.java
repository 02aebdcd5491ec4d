package io.parley.core.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theDelayGrowsWithTheFourthPowerOfTheAttempt() {
        Backoff exact = new Backoff(SECOND, HOUR, () -> 0.5); // 0.5 → no jitter

        assertThat(exact.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(exact.after(2)).isEqualTo(Duration.ofSeconds(16));
        assertThat(exact.after(3)).isEqualTo(Duration.ofSeconds(81));
        assertThat(exact.after(5)).isEqualTo(Duration.ofSeconds(625));
        assertThat(exact.after(7)).isEqualTo(Duration.ofSeconds(2401));
    }

    @Test
    void theDelayStopsGrowingAtTheCap() {
        Backoff exact = new Backoff(SECOND, HOUR, () -> 0.5);

        assertThat(exact.after(8)).isEqualTo(HOUR);
        assertThat(exact.after(1000)).isEqualTo(HOUR);
    }

    @Test
    void jitterStaysWithinTenPercent() {
        assertThat(new Backoff(SECOND, HOUR, () -> 0.0).after(2)).isEqualTo(Duration.ofMillis(14_400));
        assertThat(new Backoff(SECOND, HOUR, () -> 0.999_999_9).after(2).toMillis()).isEqualTo(17_599);
        assertThat(new Backoff(SECOND, HOUR, () -> 0.0).after(100)).isEqualTo(Duration.ofMinutes(54));
    }

    @Test
    void theUnitScalesEveryDelay() {
        assertThat(new Backoff(Duration.ofMillis(10), HOUR, () -> 0.5).after(3)).isEqualTo(Duration.ofMillis(810));
    }
}
