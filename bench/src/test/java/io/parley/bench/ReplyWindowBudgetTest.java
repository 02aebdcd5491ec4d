package io.parley.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyWindowBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aServerKeepingUpAnswersEveryTurnInTime() {
        long[] arrivals = new long[100];
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = (i + 1) * SECOND / 10; // 10/s
        }

        assertThat(ReplyWindowBudget.inWindow(arrivals, 20, 50 * SECOND)).isEqualTo(100);
    }

    @Test
    void twiceTheCapacityForLongerThanTheWindowAllowsOnlyWhatFitsInTime() {
        // 2 per second for 100 s to a server doing 1 per second, 10 s window: the queue is skipped through,
        // one answer per second stays in time (the first 10 s: all of them until the backlog reaches 10 s)
        long[] arrivals = new long[200];
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = (i + 1) * SECOND / 2;
        }

        long answered = ReplyWindowBudget.inWindow(arrivals, 1, 10 * SECOND);

        assertThat(answered).isBetween(100L, 110L);
    }

    @Test
    void webhooksNeverAcknowledgedAreNotCounted() {
        assertThat(ReplyWindowBudget.inWindow(new long[] {0, 0, SECOND}, 1, 10 * SECOND)).isEqualTo(1);
    }
}
