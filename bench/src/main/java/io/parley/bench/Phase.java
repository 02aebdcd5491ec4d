package io.parley.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One batch of webhooks (a warm-up or a measured run) and what became of each: when it was sent, acknowledged and
 * answered. Indexed by the sequence number that the reply token carries, so the fake LINE records a reply with one
 * array write.
 */
final class Phase {

    final int id;
    final int capacity;
    final AtomicLongArray sentAt;
    final AtomicLongArray ackedAt;
    final AtomicLongArray repliedAt;
    final Latencies acks;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong replies = new AtomicLong();
    final AtomicLong duplicateReplies = new AtomicLong();
    final AtomicLong pushes = new AtomicLong();
    /** Messages answered by the reply to another message (a coalesced turn). */
    final AtomicLong coalesced = new AtomicLong();
    /**
     * Names of messages already answered, in a later answer: the fake LLM names the user messages after the prompt's
     * last assistant message, so a prompt whose history window does not show the earlier answer yet names them again.
     * Not a duplicate: a message answered twice by Parley shows as a reply token used twice ({@link #duplicateReplies}).
     */
    final AtomicLong namedAgain = new AtomicLong();
    final ConcurrentHashMap<String, AtomicLong> failures = new ConcurrentHashMap<>();
    volatile long firstSentAt;
    final AtomicLong lastAckedAt = new AtomicLong();
    final AtomicLong lastRepliedAt = new AtomicLong();
    /** The overload scenario: turns per second measured just before this phase (its offered rate is a multiple). */
    volatile double probedTurnsPerSecond = Double.NaN;

    Phase(int id, int capacity, boolean trackReplies) {
        this.id = id;
        this.capacity = capacity;
        this.sentAt = new AtomicLongArray(capacity);
        this.ackedAt = trackReplies ? new AtomicLongArray(capacity) : null;
        this.repliedAt = trackReplies ? new AtomicLongArray(capacity) : null;
        this.acks = new Latencies(capacity);
    }

    void sending(int sequence, long now) {
        if (sent.getAndIncrement() == 0) {
            firstSentAt = now;
        }
        sentAt.set(sequence, now);
    }

    void acknowledged(int sequence, long now) {
        acks.record(now - sentAt.get(sequence));
        if (ackedAt != null) {
            ackedAt.set(sequence, now);
        }
        acked.incrementAndGet();
        lastAckedAt.accumulateAndGet(now, Math::max);
    }

    void failed(String why) {
        failures.computeIfAbsent(why, w -> new AtomicLong()).incrementAndGet();
    }

    /** The fake LINE received a reply with this phase's token {@code sequence}. */
    void replied(long sequence, long now) {
        if (repliedAt == null || sequence < 0 || sequence >= capacity) {
            return;
        }
        if (repliedAt.compareAndSet((int) sequence, 0, now)) {
            replies.incrementAndGet();
            lastRepliedAt.accumulateAndGet(now, Math::max);
        } else {
            duplicateReplies.incrementAndGet();
        }
    }

    /**
     * An answer named this phase's message {@code sequence}: a reply with its own token was counted by
     * {@link #replied}; any other answer naming it (a coalesced turn answering several messages) answers it now (a
     * message answered already counts in {@link #namedAgain}); by a push, it counts among {@link #pushes}.
     */
    void covered(long sequence, long now, boolean asPush) {
        if (repliedAt == null || sequence < 0 || sequence >= capacity) {
            return;
        }
        if (repliedAt.compareAndSet((int) sequence, 0, now)) {
            (asPush ? pushes : coalesced).incrementAndGet();
            lastRepliedAt.accumulateAndGet(now, Math::max);
        } else {
            namedAgain.incrementAndGet();
        }
    }

    /**
     * The fake LINE received a push while this phase ran: Parley answered a turn after its reply token's window
     * (or LINE refused the token). A push names the user, not the webhook, so it counts as a completed turn
     * without a latency.
     */
    void pushed(long now) {
        pushes.incrementAndGet();
        lastRepliedAt.accumulateAndGet(now, Math::max);
    }

    /** Messages answered: by their own reply, by push, or together with another message (coalesced). */
    long answered() {
        return replies.get() + pushes.get() + coalesced.get();
    }

    long failureCount() {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Webhook → reply durations of the answered webhooks. */
    Latencies replyLatencies() {
        Latencies latencies = new Latencies(capacity);
        for (int i = 0; i < capacity; i++) {
            long replied = repliedAt.get(i);
            long sentTime = sentAt.get(i);
            if (replied != 0 && sentTime != 0) {
                latencies.record(replied - sentTime);
            }
        }
        return latencies;
    }
}
