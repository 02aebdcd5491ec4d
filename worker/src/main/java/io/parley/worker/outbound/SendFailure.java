package io.parley.worker.outbound;

import java.time.Duration;

/**
 * Why a provider did not take a batch, typed by what Parley should do about it (the handler maps each to the job's
 * fate). Messages are safe to log and show to the tenant: they carry the provider's reason, never a token or URL.
 */
public abstract sealed class SendFailure extends Exception {

    private SendFailure(String message) {
        super(message, null, false, false);
    }

    /** Too many requests (LINE 429, WhatsApp 130429, Telegram 429): try the job again after {@code delay}. */
    public static final class RateLimited extends SendFailure {
        private final Duration delay;
        private final boolean pair;
        private final boolean throughput;

        public RateLimited(Duration delay, String message) {
            this(delay, message, false);
        }

        /** {@code pair}: only this sender-and-recipient pair is too fast (WhatsApp 131056), not the sender. */
        public RateLimited(Duration delay, String message, boolean pair) {
            this(delay, message, pair, false);
        }

        private RateLimited(Duration delay, String message, boolean pair, boolean throughput) {
            super(message);
            this.delay = delay;
            this.pair = pair;
            this.throughput = throughput;
        }

        /**
         * The sender's per-second throughput was exceeded (WhatsApp 130429, refused "until you are within your
         * allowed level again"): a paced sender backs off briefly, longer when it happens again, up to {@code most}.
         */
        public static RateLimited throughput(Duration most, String message) {
            return new RateLimited(most, message, false, true);
        }

        public boolean throughput() {
            return throughput;
        }

        public Duration delay() {
            return delay;
        }

        public boolean pair() {
            return pair;
        }
    }

    /**
     * The provider refused the channel's credentials (LINE 401, WhatsApp 190, Telegram 401): no retry helps until
     * the tenant saves new ones, so the channel is marked unhealthy.
     */
    public static final class CredentialsRejected extends SendFailure {
        public CredentialsRejected(String message) {
            super(message);
        }
    }

    /**
     * The provider will not deliver these messages, whatever Parley retries (WhatsApp 131047 outside the 24-hour
     * window, LINE monthly quota, a request the provider rejects as invalid): they fail with this reason.
     */
    public static final class Undeliverable extends SendFailure {
        public Undeliverable(String message) {
            super(message);
        }
    }

    /** The contact blocked the bot (Telegram 403): the contact is marked unfollowed and the messages fail. */
    public static final class RecipientBlocked extends SendFailure {
        public RecipientBlocked(String message) {
            super(message);
        }
    }

    /**
     * No answer, a timeout or a 5xx: worth retrying with the queue's backoff. {@code answerLost} says the request may
     * have reached the provider and been acted on (a timeout or a connection lost after sending), as opposed to a
     * request that never left or that the provider answered with an error.
     */
    public static final class Unavailable extends SendFailure {
        private final boolean answerLost;

        public Unavailable(String message) {
            this(message, false);
        }

        public Unavailable(String message, boolean answerLost) {
            super(message);
            this.answerLost = answerLost;
        }

        public boolean answerLost() {
            return answerLost;
        }
    }
}
