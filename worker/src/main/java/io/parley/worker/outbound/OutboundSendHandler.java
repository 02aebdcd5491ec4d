package io.parley.worker.outbound;

import io.parley.core.analytics.AnalyticsTrigger;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.conversation.MessageRow;
import io.parley.core.message.JobKinds;
import io.parley.core.observability.LogContext;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.queue.JobRetryAfter;
import io.parley.core.secrets.SecretUnreadableException;
import io.parley.core.tenancy.TenantId;
import io.opentelemetry.api.trace.Span;
import io.parley.worker.observability.SendTelemetry;
import io.parley.worker.outbound.governor.SendPacing;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs {@code outbound.send} jobs: sends a conversation's queued messages through the channel's {@link ChannelSender},
 * one batch at a time, recording each batch as sent before the next leaves. Idempotent: only messages still queued
 * are sent, so a re-run after a crash or a retry sends nothing twice. Each batch is marked handed over (with the
 * attempt) before the provider call; a retry that finds such a mark cannot know whether the batch arrived, and
 * resolves it as the channel's {@link ChannelSender#resend()} says (docs/outbound.md, "Sending twice").
 *
 * <p>What a failure means ({@link SendFailure}): rate limited → retry after the advised delay; credentials rejected
 * → channel unhealthy + "channel.unhealthy" event, job discarded, messages stay queued (retrying the discarded job
 * after new credentials are saved sends them); undeliverable → messages failed with the reason, job discarded;
 * blocked → contact unfollowed, messages failed; unavailable → the queue's backoff. On the job's last attempt,
 * retryable failures also fail the messages, so none stays "queued" forever.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class OutboundSendHandler implements JobHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundSendHandler.class);
    private static final int MAX_REASON = 500;
    private static final Duration MAX_PACING_WAIT = Duration.ofSeconds(2);
    /** How long a send waits behind an earlier reply its turn is sending inline (Deliveries). */
    private static final Duration INLINE_SEND_PATIENCE = Duration.ofSeconds(5);

    private final Deliveries deliveries;
    private final SealedCredentials credentials;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);
    private final JsonMapper json;
    private final SendTelemetry metrics;

    private final AnalyticsTrigger analytics;
    private final SendPacing pacing;

    OutboundSendHandler(Deliveries deliveries, SealedCredentials credentials, List<ChannelSender> senders,
                        JsonMapper json, AnalyticsTrigger analytics, SendTelemetry metrics, SendPacing pacing) {
        this.pacing = pacing;
        this.analytics = analytics;
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.credentials = credentials;
        senders.forEach(sender -> this.senders.put(sender.type(), sender));
        this.json = json;
    }

    @Override
    public String kind() {
        return JobKinds.OUTBOUND_SEND;
    }

    @Override
    public void run(Job job) throws Exception {
        analytics.touched(job.tenant()); // agent replies and sent times reach the rollups (docs/analytics.md)
        OutboundSendArgs args;
        try {
            args = OutboundSendArgs.parse(job.argsJson(), json);
        } catch (IOException | RuntimeException e) {
            throw new JobDiscard("outbound.send args are malformed");
        }
        deliveries.awaitEarlierInlineSend(job.tenant(), args, INLINE_SEND_PATIENCE);
        deliver(job, args);
    }

    /**
     * Sends {@code args}' queued messages under {@code job}'s claim: an {@code outbound.send} job's own, or the turn
     * job that sends its reply inline ({@link InlineSend}); the hand-over marks check that {@code job} is still held.
     */
    void deliver(Job job, OutboundSendArgs args) throws Exception {
        TenantId tenant = job.tenant();
        Deliveries.Plan plan = deliveries.load(tenant, args).orElse(null);
        if (plan == null) {
            LOG.info("Outbound send job {}: the conversation or its channel is gone; nothing to send", job.id());
            return;
        }
        LogContext.conversation(plan.conversation().botId(), plan.channel().id(), plan.conversation().id());
        List<OutboundMessage> pending = readable(tenant, plan);
        if (pending.isEmpty()) {
            return;
        }
        ChannelSender sender = senders.get(plan.channel().channelType());
        String refusal = sender == null ? "Parley cannot send on " + plan.channel().type() + " channels"
                : plan.identity() == null ? "the contact has no identity on this channel"
                : !plan.identity().following() && sender.type() != ChannelType.WEB
                ? "the contact has blocked or unfollowed the bot" : null;
        if (refusal != null) {
            fail(tenant, plan, pending, refusal);
            throw new JobDiscard(refusal);
        }
        Map<UUID, Map<String, String>> references = new HashMap<>();
        pending = shortenPostbacks(sender, pending, references);
        pending = settleUnknownHandovers(job, plan, sender, pending);
        if (pending.isEmpty()) {
            return;
        }
        Map<String, String> secrets;
        try {
            secrets = credentials.open(plan.channel());
        } catch (SecretUnreadableException e) {
            throw outcome(job, plan, pending, new SendFailure.CredentialsRejected("The channel's credentials cannot "
                    + "be decrypted with the configured encryption key; save them again."));
        }
        String replyToken = plan.untouched() ? args.replyToken() : null;
        // Nothing sent, but the first batch handed over with the reply token by a lost attempt: LINE's single-use
        // token tells whether that reply arrived (docs/outbound.md, "Sending twice").
        boolean lostReply = replyToken == null && plan.nothingSent() && !plan.handedOver().isEmpty()
                && sender.resend() == ChannelSender.Resend.SAFE && args.replyToken() != null;
        if (lostReply) {
            replyToken = args.replyToken();
        }
        for (int from = 0; from < pending.size(); from += sender.maxBatch()) {
            List<OutboundMessage> batch = pending.subList(from, Math.min(pending.size(), from + sender.maxBatch()));
            List<UUID> batchIds = batch.stream().map(OutboundMessage::id).toList();
            if (replyToken == null) {
                // the governor shared with broadcasts (live sends take tokens first); a LINE reply with its token
                // is not a push and does not count against the push rate, so it is not paced
                pace(plan, secrets);
            }
            deliveries.handOver(job, references,
                    sender.resend() != ChannelSender.Resend.ATOMIC ? batchIds : List.<UUID>of());
            references.clear(); // stored with the first batch
            ChannelSender.Sent delivered;
            long start = System.nanoTime();
            Span span = metrics.start(sender.type(), tenant.value(), plan.channel().id(), plan.conversation().id(),
                    batch.size());
            try {
                delivered = sender.deliver(new OutboundBatch(tenant, plan.channel(), secrets,
                        plan.identity().externalUserId(), batch, replyToken, args.inboundAt(),
                        lostReply && from == 0));
                metrics.batch(span, sender.type(), SendTelemetry.SENT, since(start), batch.size());
            } catch (SendFailure failure) {
                metrics.batch(span, sender.type(), SendTelemetry.outcomeOf(failure), since(start), batch.size());
                if (!(failure instanceof SendFailure.Unavailable unavailable && unavailable.answerLost())) {
                    deliveries.cancelHandover(tenant, batchIds);
                }
                throw outcome(job, plan, pending.subList(from, pending.size()), failure);
            } catch (RuntimeException e) {
                metrics.batch(span, sender.type(), SendTelemetry.ERROR, since(start), batch.size());
                // A bug, before the request or after the provider answered: the mark stays, on the safe side.
                giveUpIfLast(job, plan, pending.subList(from, pending.size()), "sending failed");
                throw e;
            }
            List<String> providerIds = delivered.providerIds();
            List<Deliveries.Sent> sent = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                sent.add(new Deliveries.Sent(batch.get(i).id(), i < providerIds.size() ? providerIds.get(i) : null));
            }
            deliveries.recordSent(tenant, plan.conversation().id(), sent, delivered.mode());
            replyToken = null; // used (or found invalid) by the first batch
        }
    }

    /**
     * Waits for the channel's rate governor (docs/broadcasts.md "Rate governor") at live priority; a wait longer than
     * {@link #MAX_PACING_WAIT} retries the job after it instead of holding the worker.
     */
    private void pace(Deliveries.Plan plan, Map<String, String> secrets) throws JobRetryAfter, InterruptedException {
        Duration wait = pacing.live(plan.channel(), secrets, plan.identity().externalUserId(), MAX_PACING_WAIT);
        if (!wait.isZero()) {
            throw new JobRetryAfter(wait, "the channel's send rate is used up");
        }
    }

    /**
     * Messages an earlier attempt handed to the provider without recording the outcome may have arrived. A channel
     * that dedupes (LINE push with the batch's retry key) sends them again; on the others they fail with a reason
     * that says so, rather than reach the contact twice. Returns the messages still to send.
     */
    private List<OutboundMessage> settleUnknownHandovers(Job job, Deliveries.Plan plan, ChannelSender sender,
                                                         List<OutboundMessage> pending) {
        if (plan.handedOver().isEmpty() || sender.resend() != ChannelSender.Resend.NEVER) {
            return pending;
        }
        List<OutboundMessage> unknown = pending.stream().filter(m -> plan.handedOver().contains(m.id())).toList();
        LOG.warn("Outbound send job {}: {} message(s) were handed to {} by an earlier attempt whose outcome is "
                + "unknown; not sending them again", job.id(), unknown.size(), plan.channel().type());
        fail(job.tenant(), plan, unknown, "not sent again: an earlier attempt handed it to " + sender.type().label()
                + " but its answer was lost, so it may have arrived");
        return pending.stream().filter(m -> !plan.handedOver().contains(m.id())).toList();
    }

    /** The queued messages as senders see them; rows that hold nothing sendable fail on their own. */
    private List<OutboundMessage> readable(TenantId tenant, Deliveries.Plan plan) {
        List<OutboundMessage> readable = new ArrayList<>();
        for (MessageRow row : plan.queued()) {
            try {
                readable.add(OutboundMessage.of(row, json));
            } catch (IllegalArgumentException e) {
                deliveries.recordFailed(tenant, plan.conversation().id(), List.of(row.id()),
                        "cannot be sent: " + e.getMessage());
            }
        }
        return readable;
    }

    /** Replaces postback data too long for the channel; the references made are added to {@code references}. */
    private static List<OutboundMessage> shortenPostbacks(ChannelSender sender, List<OutboundMessage> messages,
                                                          Map<UUID, Map<String, String>> references) {
        List<OutboundMessage> shortened = new ArrayList<>();
        for (OutboundMessage message : messages) {
            Map<String, String> added = new HashMap<>();
            shortened.add(PostbackReferences.shorten(message, sender.maxPostbackBytes(), added));
            if (!added.isEmpty()) {
                references.put(message.id(), added);
            }
        }
        return shortened;
    }

    private Exception outcome(Job job, Deliveries.Plan plan, List<OutboundMessage> unsent, SendFailure failure) {
        TenantId tenant = job.tenant();
        String reason = reason(failure);
        LOG.warn("Outbound send job {} on channel {}: {}", job.id(), plan.channel().id(), reason);
        return switch (failure) {
            case SendFailure.RateLimited limited -> {
                giveUpIfLast(job, plan, unsent, reason);
                yield new JobRetryAfter(limited.delay(), reason);
            }
            case SendFailure.CredentialsRejected ignored -> {
                deliveries.markUnhealthy(tenant, plan.channel(), reason);
                yield new JobDiscard(reason);
            }
            case SendFailure.Undeliverable ignored -> {
                fail(tenant, plan, unsent, reason);
                yield new JobDiscard(reason);
            }
            case SendFailure.RecipientBlocked ignored -> {
                deliveries.markUnfollowed(tenant, plan.channel().id(), plan.identity().externalUserId());
                fail(tenant, plan, unsent, reason);
                yield new JobDiscard(reason);
            }
            case SendFailure.Unavailable unavailable -> {
                giveUpIfLast(job, plan, unsent, reason);
                yield unavailable;
            }
        };
    }

    private void giveUpIfLast(Job job, Deliveries.Plan plan, List<OutboundMessage> unsent, String reason) {
        if (job.isLastAttempt()) {
            fail(job.tenant(), plan, unsent, "gave up after " + job.attempt() + " attempts: " + reason);
        }
    }

    private void fail(TenantId tenant, Deliveries.Plan plan, List<OutboundMessage> messages, String reason) {
        deliveries.recordFailed(tenant, plan.conversation().id(),
                messages.stream().map(OutboundMessage::id).toList(), reason);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String reason(SendFailure failure) {
        String message = failure.getMessage();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON - 1) + "…";
    }
}
