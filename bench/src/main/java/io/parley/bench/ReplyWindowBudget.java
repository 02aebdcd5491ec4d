package io.parley.bench;

import java.util.Arrays;

/**
 * How many answers a given capacity allows inside LINE's reply window (bench/README.md, "Overload"): the webhooks'
 * arrival times, a server answering {@code perSecond} turns one after another, and a window after each arrival. For
 * turns of equal cost and equal windows, taking them in arrival order and skipping each one whose window would close
 * before it finished (it costs nothing then: it goes to the push pile) answers the most in time — the
 * earliest-deadline-first rule the queue's claim follows. The figure is the denominator of "reply share of what
 * capacity allowed".
 */
final class ReplyWindowBudget {

    private ReplyWindowBudget() {
    }

    /**
     * @param arrivals     when each webhook was acknowledged, in nanoseconds of one clock (any order; 0 = never)
     * @param perSecond    turns the server completes per second
     * @param windowNanos  how long after its arrival a turn may still be answered by reply
     */
    static long inWindow(long[] arrivals, double perSecond, long windowNanos) {
        if (perSecond <= 0) {
            return 0;
        }
        long[] sorted = Arrays.stream(arrivals).filter(at -> at != 0).sorted().toArray();
        double cost = 1e9 / perSecond;
        double free = Double.NEGATIVE_INFINITY; // when the server is next idle
        long answered = 0;
        for (long arrival : sorted) {
            double finish = Math.max(free, arrival) + cost;
            if (finish <= arrival + windowNanos) {
                answered++;
                free = finish;
            }
        }
        return answered;
    }
}
