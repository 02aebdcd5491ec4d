package io.parley.worker.outbound;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.channel.ChannelRow;
import io.parley.core.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ChannelSender} sends in one provider request.
 *
 * @param credentials the channel's opened credentials (secrets: never logged, see {@link #toString()})
 * @param recipient   the contact's id on the channel: LINE userId, WhatsApp wa_id, Telegram chat id, web session id
 * @param replyToken  LINE only, and only for the first batch of a job whose messages were all still queued: a reply
 *                    token can be used once
 * @param inboundAt   when the inbound event that the reply answers occurred (the reply token's age), if known
 * @param lostReply   an earlier attempt handed this batch to LINE with {@code replyToken} and its outcome is unknown
 *                    (docs/outbound.md, "Sending twice"): the token itself tells whether that reply arrived
 */
public record OutboundBatch(TenantId tenant, ChannelRow channel, Map<String, String> credentials, String recipient,
                            List<OutboundMessage> messages, @Nullable String replyToken, @Nullable Instant inboundAt,
                            boolean lostReply) {

    public OutboundBatch(TenantId tenant, ChannelRow channel, Map<String, String> credentials, String recipient,
                         List<OutboundMessage> messages, @Nullable String replyToken, @Nullable Instant inboundAt) {
        this(tenant, channel, credentials, recipient, messages, replyToken, inboundAt, false);
    }

    public OutboundBatch {
        Objects.requireNonNull(recipient, "recipient");
        credentials = Map.copyOf(credentials);
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one message");
        }
    }

    /** A credential the channel type needs; a channel saved without it cannot send (as if the provider said 401). */
    public String credential(String name) throws SendFailure.CredentialsRejected {
        String value = credentials.get(name);
        if (value == null || value.isBlank()) {
            throw new SendFailure.CredentialsRejected("The channel has no " + name + "; save its credentials again.");
        }
        return value;
    }

    @Override
    public String toString() {
        return "OutboundBatch[" + channel + ", " + messages.size() + " message(s)]";
    }
}
