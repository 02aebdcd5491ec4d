package io.parley.worker.outbound;

import io.parley.core.channel.ChannelType;

import java.util.List;

/**
 * Sends a conversation's queued messages on one kind of channel: one implementation per {@link ChannelType}
 * (LINE, WhatsApp, Telegram, web chat), chosen by {@link OutboundSendHandler}. Contract:
 * <ul>
 *   <li>{@link #send} delivers every message of the batch, in order, or none: a batch is one provider request, so it
 *       holds at most {@link #maxBatch()} messages (LINE takes 5 message objects per reply or push; WhatsApp and
 *       Telegram one per call). The handler records each batch as sent before the next one leaves, so a retried job
 *       resumes after the last recorded batch.</li>
 *   <li>It returns the provider's id of each message, in message order (an entry is null where the provider gives
 *       none, e.g. a LINE push that was already accepted under the same retry key without echoing ids).</li>
 *   <li>It renders {@link OutboundMessage}s in the channel's format (text, buttons or quick replies with postback
 *       data, image url). Postback data is at most {@link #maxPostbackBytes()} UTF-8 bytes: the handler has already
 *       replaced longer data by a {@link PostbackReferences reference}.</li>
 *   <li>It never opens a database transaction and never logs URLs, headers or bodies (tokens travel in them).</li>
 *   <li>Failures are typed ({@link SendFailure}); the handler decides what each means for the job, the messages and
 *       the channel. Anything else thrown (a bug) is retried like a {@link SendFailure.Unavailable}.</li>
 * </ul>
 */
public interface ChannelSender {

    ChannelType type();

    /** The most messages one {@link #send} takes. */
    int maxBatch();

    /** The longest postback data the channel carries, in UTF-8 bytes (Telegram callback_data: 64). */
    int maxPostbackBytes();

    /** Sends the batch; the result has one provider id (or null) per message, in order. */
    List<String> send(OutboundBatch batch) throws SendFailure;

    /**
     * Sends the batch and says how, where the channel has several ways: LINE {@code reply} (free) or {@code push}
     * (counted against the quota), stored as {@code messages.send_mode} for analytics. Others: {@link #send}, no mode.
     */
    default Sent deliver(OutboundBatch batch) throws SendFailure {
        return new Sent(send(batch), null);
    }

    /** @param mode {@code reply}, {@code push}, or null where the channel has one way only */
    record Sent(List<String> providerIds, @io.micronaut.core.annotation.Nullable String mode) {
    }

    /**
     * What may happen to a batch that an earlier attempt handed to the provider without recording the outcome (the
     * answer was lost to a timeout, the "sent" write failed for good, the process died): see {@link Resend}.
     */
    default Resend resend() {
        return Resend.NEVER;
    }

    /** How a channel resolves a hand-over whose outcome is unknown (docs/outbound.md, "Sending twice"). */
    enum Resend {
        /**
         * Send it again: the provider recognises the same batch and does not deliver it twice (LINE push with the
         * batch's {@code X-Line-Retry-Key}; the handler never reuses a reply token for such a batch).
         */
        SAFE,
        /**
         * The provider offers no way to ask or to dedupe (WhatsApp, Telegram): the messages fail with a reason saying
         * they may have arrived, rather than risk the contact seeing them twice.
         */
        NEVER,
        /** Delivery commits together with its record (web chat), so an unknown outcome cannot arise. */
        ATOMIC
    }
}
