package io.parley.worker.outbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.message.JobKinds;
import io.parley.core.queue.JobRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The args of an {@code outbound.send} job, as documented in {@link JobKinds}: the conversation, its queued messages
 * in sending order, and for LINE the reply token with the time of the event it answers.
 */
@Serdeable
public record OutboundSendArgs(UUID conversationId, List<UUID> messageIds, @Nullable String replyToken,
                               @Nullable Instant inboundAt) {

    /**
     * Sends block their conversation's later sends while they retry (serial key), so attempts are bounded: with the queue's
     * attempt⁴ backoff, 8 attempts give up after about 80 minutes and the messages are marked failed.
     */
    static final int MAX_ATTEMPTS = 8;

    public OutboundSendArgs {
        Objects.requireNonNull(conversationId, "conversationId");
        messageIds = List.copyOf(messageIds);
        if (messageIds.isEmpty()) {
            throw new IllegalArgumentException("an outbound send names at least one message");
        }
    }

    /**
     * The job to enqueue (in the transaction that created the messages): serial on the conversation's send key
     * ({@code InboundEvent.sendKey()}, so replies leave in order without waiting for later turns), unique on the
     * first message id, and ahead of jobs without a fresh reply token while its LINE token is in its window.
     */
    public JobRequest job(String sendKey, JsonMapper json) {
        try {
            return JobRequest.of(JobKinds.OUTBOUND_SEND, json.writeValueAsString(this))
                    .unique("out:" + messageIds.getFirst()).serial(sendKey).maxAttempts(MAX_ATTEMPTS)
                    .replyToken(replyToken == null ? null : inboundAt); // claimed first while the token is fresh
        } catch (IOException e) {
            throw new IllegalStateException("outbound send args are not serializable", e);
        }
    }

    static OutboundSendArgs parse(String argsJson, JsonMapper json) throws IOException {
        OutboundSendArgs args = json.readValue(argsJson, OutboundSendArgs.class);
        if (args == null) {
            throw new IOException("no args");
        }
        return args;
    }

    @Override
    public String toString() {
        return "OutboundSendArgs[" + conversationId + ", " + messageIds.size() + " message(s)]";
    }
}
