package io.parley.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendWindowsTest {

    private static final long MS = 1_000_000L;

    @Test
    void aBurstAtTheEndOfOneSecondAndTheStartOfTheNextIsOneSlidingWindow() {
        // 3 sends at 0.9 s and 3 at 1.1 s: each whole second holds 3, the window from 0.9 s holds all 6
        long[] arrivals = {0, 900 * MS, 901 * MS, 902 * MS, 1100 * MS, 1101 * MS, 1102 * MS, 2500 * MS};
        SendWindows windows = SendWindows.of(arrivals, arrivals.length);

        assertThat(windows.maxSliding()).isEqualTo(6);
        assertThat(windows.maxPerSecond()).isEqualTo(4);
        assertThat(windows.meanPerSecond()).isEqualTo(3.5);
    }

    @Test
    void aWindowIsHalfOpenSoSendsExactlyOneSecondApartFallInTwoWindows() {
        long[] arrivals = {0, 1000 * MS, 2000 * MS};

        assertThat(SendWindows.of(arrivals, arrivals.length).maxSliding()).isEqualTo(1);
    }

    @Test
    void theSustainedRateCountsTheIntervalsBetweenTheFirstAndTheLastArrival() {
        long[] arrivals = new long[81];
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = i * 1_000_000_000L / 80; // 80 per second, unsorted order does not matter
        }
        SendWindows windows = SendWindows.of(arrivals, arrivals.length);

        assertThat(windows.sustained()).isEqualTo(80.0);
        assertThat(windows.maxSliding()).isEqualTo(80);
    }
}
