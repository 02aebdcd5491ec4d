package io.parley.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The in-run ceilings and every scenario's figures as ratios to them, CPU per ack and per turn, and the overload
 * scenario's reply share of what capacity allowed (bench/README.md, "In-run ceilings", "Overload").
 */
final class CeilingReport {

    /** PARLEY_OUTBOUND_LINE_REPLY_WINDOW's default: Parley replies within 50 s of the webhook, then pushes. */
    static final long REPLY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(50);

    private CeilingReport() {
    }

    static String render(List<Outcome> outcomes, Ceilings ceilings) {
        StringBuilder out = new StringBuilder("\nIn-run ceilings: HTTP (bare Micronaut POST) ")
                .append(fixed(ceilings.httpPerSecond, 0)).append(" req/s, p99 ")
                .append(fixed(ceilings.httpP99Millis, 1)).append(" ms\n");
        for (Outcome o : outcomes) {
            double durable = ceilings.durable(o.scenario().key());
            double acks = o.acksPerSecond();
            double turns = o.turnsPerSecond();
            Monitor.Usage usage = o.usage();
            long acked = o.phase().acked.get();
            long answered = o.phase().answered();
            out.append(o.scenario().key()).append(": durability ceiling ").append(fixed(durable, 0))
                    .append(" commits/s; acks/s ").append(fixed(acks, 0))
                    .append(" = ").append(fixed(acks / durable, 2)).append("× durability, ")
                    .append(fixed(acks / ceilings.httpPerSecond, 3)).append("× HTTP");
            if (!Double.isNaN(turns)) {
                out.append("; turns/s ").append(fixed(turns, 0)).append(" = ")
                        .append(fixed(turns / durable, 3)).append("× durability");
            }
            out.append("\n  CPU per ack ms: parley ").append(fixed(perItem(usage.parleyCpu(), acked), 3))
                    .append(" / postgres ").append(fixed(perItem(usage.databaseCpu(), acked), 3));
            if (o.scenario().waitReplies()) {
                out.append("; CPU per turn ms (window's CPU / answers): parley ")
                        .append(fixed(perItem(usage.parleyCpu(), answered), 3)).append(" / postgres ")
                        .append(fixed(perItem(usage.databaseCpu(), answered), 3)).append(" / together ")
                        .append(fixed(perItem(usage.parleyCpu() + usage.databaseCpu(), answered), 3));
                out.append('\n').append(replyShare(o));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Answers by reply token against the most that the capacity allowed in LINE's window: the capacity probed before
     * an overload phase, else the phase's own completed turns per second.
     */
    static String replyShare(Outcome o) {
        Phase phase = o.phase();
        double capacity = Double.isNaN(phase.probedTurnsPerSecond) ? o.turnsPerSecond() : phase.probedTurnsPerSecond;
        long[] acked = new long[phase.capacity];
        for (int i = 0; i < acked.length; i++) {
            acked[i] = phase.ackedAt.get(i);
        }
        long allowed = ReplyWindowBudget.inWindow(acked, capacity, REPLY_WINDOW_NANOS);
        long replies = phase.replies.get() + phase.coalesced.get(); // a coalesced answer is a free reply too
        return "  reply window: capacity " + fixed(capacity, 0) + " turns/s allowed " + allowed + " answers in "
                + "the window; " + replies + " by reply (" + fixed(100.0 * replies / Math.max(1, allowed), 1)
                + " % of allowed; " + phase.coalesced.get() + " of them answered together with a later message), "
                + phase.pushes.get() + " by push, " + (phase.acked.get() - phase.answered()) + " not answered";
    }

    private static double perItem(double cpuSeconds, long items) {
        return items == 0 ? Double.NaN : cpuSeconds * 1000 / items;
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format("%,." + decimals + "f", value);
    }
}
