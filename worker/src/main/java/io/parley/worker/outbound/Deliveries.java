package io.parley.worker.outbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.contact.ContactIdentityRow;
import io.parley.core.contact.ContactRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.events.TenantEvents;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The database side of an outbound send, each step one short tenant transaction (none is open while a provider is
 * called): load what to send, mark a batch handed over (with its postback references), record sent or failed
 * messages with their tenant events, mark a channel unhealthy or a contact unfollowed.
 */
@Singleton
final class Deliveries {

    /**
     * Everything one send needs. {@code identity} is the contact's identity on the conversation's channel;
     * {@code handedOver} the queued messages an earlier attempt handed to the provider without recording the outcome.
     */
    record Plan(ConversationRow conversation, ChannelRow channel, @Nullable ContactIdentityRow identity,
                List<MessageRow> messages, Set<UUID> handedOver) {

        List<MessageRow> queued() {
            return messages.stream().filter(message -> "queued".equals(message.status())).toList();
        }

        /**
         * True while no message of the job has left, nor may have: only then may the job use its (single-use) reply
         * token. A reply whose outcome is unknown is never tried again with the same token.
         */
        /** No message of the job is recorded as sent or failed yet. */
        boolean nothingSent() {
            return messages.stream().allMatch(message -> "queued".equals(message.status()));
        }

        boolean untouched() {
            return handedOver.isEmpty() && messages.stream().allMatch(message -> "queued".equals(message.status()));
        }
    }

    /** A message the provider took, with its id there. */
    record Sent(UUID messageId, @Nullable String providerMessageId) {
    }

    /** The send job was taken over by another process: this one sends nothing more. */
    static final class JobLost extends RuntimeException {
        JobLost(Job job) {
            super("job " + job.id() + " attempt " + job.attempt() + " is no longer held by " + job.worker()
                    + " (taken over); not sending");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long MAX_PAUSE_MILLIS = 2_000;
    private static final long INLINE_POLL_MILLIS = 50;

    private final TenantScope scope;
    private final ConversationRepository conversations;
    private final ChannelRepository channels;
    private final ContactRepository contacts;
    private final MessageRepository messages;
    private final TenantEvents events;
    private final HandoverRepository handovers;
    private final DeliverySettings settings;
    private final JsonMapper json;
    private final JobQueue queue;
    private final ChannelRejections rejections;

    Deliveries(TenantScope scope, ConversationRepository conversations, ChannelRepository channels,
               ContactRepository contacts, MessageRepository messages, HandoverRepository handovers,
               DeliverySettings settings, TenantEvents events, JsonMapper json, JobQueue queue,
               ChannelRejections rejections) {
        this.queue = queue;
        this.rejections = rejections;
        this.scope = scope;
        this.conversations = conversations;
        this.channels = channels;
        this.contacts = contacts;
        this.messages = messages;
        this.events = events;
        this.handovers = handovers;
        this.settings = settings;
        this.json = json;
    }

    /** Empty when the conversation or its channel is gone (deleted since the job was enqueued). */
    Optional<Plan> load(TenantId tenant, OutboundSendArgs args) {
        UUID t = tenant.value();
        return scope.read(tenant, () -> conversations.find(t, args.conversationId()).flatMap(conversation ->
                channels.find(t, conversation.botId(), conversation.channelId()).map(channel -> {
                    ContactIdentityRow identity = contacts.identities(t, List.of(conversation.contactId())).stream()
                            .filter(candidate -> candidate.channelId().equals(channel.id())).findFirst().orElse(null);
                    List<MessageRow> rows = messages.findOutbound(t, conversation.id(), args.messageIds()).stream()
                            .sorted(Comparator.comparingInt(row -> args.messageIds().indexOf(row.id()))).toList();
                    Set<UUID> handedOver = new HashSet<>();
                    handovers.unconfirmed(t, args.messageIds()).forEach(handover -> handedOver.add(handover.id()));
                    return new Plan(conversation, channel, identity, rows, Set.copyOf(handedOver));
                })));
    }

    /**
     * Waits (up to {@code patience}) while an earlier reply of the conversation, queued within {@code patience}, is
     * still queued: its turn sends it inline (InlineSend) and this job's messages must leave after it, as when every
     * send was a job on the conversation's send key. Past the patience this job goes ahead (the earlier message is
     * stuck, e.g. its channel's credentials were rejected, and must not hold later messages back).
     */
    void awaitEarlierInlineSend(TenantId tenant, OutboundSendArgs args, Duration patience)
            throws InterruptedException {
        UUID t = tenant.value();
        UUID first = args.messageIds().stream().min(UUID::compareTo).orElseThrow();
        long deadline = System.nanoTime() + patience.toNanos();
        while (scope.read(tenant, () -> handovers.queuedBefore(t, args.conversationId(),
                Ids.lowestAt(Instant.now().minus(patience)), first, args.messageIds()))) {
            if (System.nanoTime() - deadline > 0) {
                LOG.info("An earlier message of conversation {} is still queued after {}; sending without it",
                        args.conversationId(), patience);
                return;
            }
            Thread.sleep(INLINE_POLL_MILLIS);
        }
    }

    /**
     * Marks a batch as handed over by this attempt, just before the provider call, together with the postback
     * references (message id → reference → original data) of the job's messages, if any are not stored yet. Only
     * while the job is still this process's ({@link JobQueue#held}: a process declared dead, or one whose lease
     * expired, must not send what another attempt may be sending); otherwise it throws {@link JobLost}.
     */
    void handOver(Job job, Map<UUID, Map<String, String>> references, List<UUID> batch) {
        TenantId tenant = job.tenant();
        int attempt = job.attempt();
        scope.writeVoid(tenant, () -> {
            if (!queue.held(job)) {
                throw new JobLost(job);
            }
            references.forEach((messageId, added) -> messages.mergePayload(tenant.value(), messageId,
                    write(Map.of(PostbackReferences.PAYLOAD_KEY, added))));
            if (!batch.isEmpty()) {
                handovers.begin(tenant.value(), batch, attempt);
            }
        });
    }

    /**
     * The provider refused the batch or the request never left: nothing was delivered, so the retry sends it as new.
     * Best-effort: if even this write fails, the retry treats the batch as possibly delivered (no duplicate; on
     * channels without a retry key the messages fail).
     */
    void cancelHandover(TenantId tenant, List<UUID> batch) {
        try {
            scope.writeVoid(tenant, () -> handovers.cancel(tenant.value(), batch));
        } catch (RuntimeException e) {
            LOG.warn("Could not clear the hand-over mark of {} message(s): {}", batch.size(), e.getMessage());
        }
    }

    /**
     * Marks the messages sent (only those still queued: a re-run changes nothing) and tells the dashboard. The
     * provider has taken them, so a failing write is retried here, with backoff, for up to the configured patience:
     * failing the job instead would make its retry face a batch that may or may not have arrived.
     */
    void recordSent(TenantId tenant, UUID conversationId, List<Sent> sent) {
        recordSent(tenant, conversationId, sent, null);
    }

    /** @param mode how the provider was asked ({@code messages.send_mode}: LINE reply or push), or null */
    void recordSent(TenantId tenant, UUID conversationId, List<Sent> sent, @Nullable String mode) {
        long deadline = System.nanoTime() + settings.recordPatience().toNanos();
        long pauseMillis = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                writeSent(tenant, conversationId, sent, mode);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() + pauseMillis * 1_000_000 - deadline > 0) {
                    throw e;
                }
                LOG.warn("Could not record {} sent message(s) of conversation {} ({}); trying again in {} ms",
                        sent.size(), conversationId, e.getMessage(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    private void writeSent(TenantId tenant, UUID conversationId, List<Sent> sent, @Nullable String mode) {
        scope.writeVoid(tenant, () -> {
            for (Sent message : sent) {
                if (messages.markSentAs(tenant.value(), message.messageId(), message.providerMessageId(), mode) == 1) {
                    events.publish(tenant, "message.sent", Map.of("conversationId", conversationId.toString(),
                            "messageId", message.messageId().toString(), "status", "sent"));
                }
            }
            conversations.recordOutbound(tenant.value(), conversationId);
        });
    }

    /** Fails the messages with a reason the inbox shows; a status that has moved on stays (forward only). */
    void recordFailed(TenantId tenant, UUID conversationId, List<UUID> messageIds, String reason) {
        scope.writeVoid(tenant, () -> {
            for (UUID messageId : messageIds) {
                if (messages.advanceStatus(tenant.value(), messageId, "failed", reason) == 1) {
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put("conversationId", conversationId.toString());
                    data.put("messageId", messageId.toString());
                    data.put("status", "failed");
                    data.put("detail", reason);
                    events.publish(tenant, "message.status", data);
                }
            }
        });
    }

    void markUnhealthy(TenantId tenant, ChannelRow channel, String detail) {
        rejections.record(tenant, channel, detail);
    }

    void markUnfollowed(TenantId tenant, UUID channelId, String externalUserId) {
        scope.writeVoid(tenant, () -> contacts.setFollowing(tenant.value(), channelId, externalUserId, false));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a payload patch is not serializable", e);
        }
    }
}
