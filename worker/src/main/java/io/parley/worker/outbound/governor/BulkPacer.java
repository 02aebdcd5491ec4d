package io.parley.worker.outbound.governor;

import io.parley.core.channel.ChannelRow;
import io.parley.core.ratelimit.SendGovernor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A broadcast job's pace on one channel (docs/broadcasts.md "Rate governor"), shared by its sending threads. On
 * WhatsApp it reserves {@code batch} slots of the number's global schedule in one governor statement
 * ({@link SendGovernor#reserve}, at most {@link SendPacing#BULK_AHEAD_SECONDS} ahead so live replies come first), hands
 * them out in order, and each send waits for its slot and then for this process's gate ({@link SendWindow}: sends at
 * least 1/rate apart), so threads that wake late catch up without bunching above the rate. Telegram takes its bot and chat buckets per
 * message, as before.
 */
public final class BulkPacer {

    private final SendPacing pacing;
    private final ChannelRow channel;
    private final Map<String, String> credentials;
    private final int batch;
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Reserved slots not handed out yet, as System.nanoTime() instants, in order. */
    private final ArrayDeque<Long> slots = new ArrayDeque<>();
    private final SendWindow window;
    private long statements;

    BulkPacer(SendPacing pacing, ChannelRow channel, Map<String, String> credentials, int batch) {
        this.pacing = pacing;
        this.channel = channel;
        this.credentials = credentials;
        this.batch = Math.max(1, batch);
        this.window = pacing.whatsappPaced(channel) ? pacing.window(channel, credentials) : null;
    }

    /**
     * Blocks until one message to {@code recipient} may leave now. Returns the governor slot it took (a
     * System.nanoTime() instant; on Telegram, when its tokens were taken).
     */
    public long await(String recipient) throws InterruptedException {
        if (window == null) {
            // one thread at a time asks the governor: every sending thread polling it for the next token (up to
            // parley.broadcasts.concurrency of them) would make a statement each per token
            lock.lockInterruptibly();
            try {
                pacing.take(channel, credentials, recipient, SendGovernor.Priority.BULK, null);
            } finally {
                lock.unlock();
            }
            return System.nanoTime();
        }
        for (Duration paused = pacing.pairPause(channel, credentials, recipient); !paused.isZero();
             paused = pacing.pairPause(channel, credentials, recipient)) {
            Thread.sleep(paused);
        }
        long slot = nextSlot();
        long early = slot - System.nanoTime();
        if (early > 0) {
            Thread.sleep(Duration.ofNanos(early));
        }
        window.admit();
        return slot;
    }

    /** Governor statements this pacer made (one per batch of slots, plus the refused ones). */
    public long statements() {
        return statements;
    }

    private long nextSlot() throws InterruptedException {
        lock.lock();
        try {
            while (slots.isEmpty()) {
                SendGovernor.Grant grant = pacing.reserveBulk(channel, credentials, batch);
                statements++;
                long base = grant.slotNanoTime(0) - grant.slot(0).toNanos(); // the database's time of the take
                for (int k = 0; k < grant.tokens(); k++) {
                    slots.addLast(base + grant.slot(k).toNanos());
                }
                if (grant.tokens() == 0) {
                    Thread.sleep(grant.retryAfter());
                }
            }
            return slots.removeFirst();
        } finally {
            lock.unlock();
        }
    }
}
