package io.parley.worker.broadcast;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.broadcast.BroadcastRow;
import io.parley.core.broadcast.RecipientRow;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobQueue;
import io.parley.core.secrets.SecretUnreadableException;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.outbound.ChannelRejections;
import io.parley.worker.outbound.SendFailure;
import io.parley.worker.outbound.line.LineMulticast;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Sends one broadcast's recipients on one channel for a while (docs/broadcasts.md "Sending"). LINE: each round
 * claims a batch (queued → sending, with the batch's key, only while this job's attempt is still held), sends it, and
 * records the outcome; WhatsApp and Telegram: {@link PerRecipientSend}'s pipeline. Recipients a lost attempt left
 * "sending" are settled first: on LINE sent again under the same {@code X-Line-Retry-Key} (LINE answers 409 to a
 * request it took already); on WhatsApp and Telegram, claimed but never started ones go back to the queue, and
 * started ones are settled by WhatsApp's status webhooks (or failed as "may have arrived" on Telegram).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class BroadcastChannelSend {

    /** WAITING: nothing left to claim, but recipients wait for their status webhooks (settleInFlight). */
    enum Outcome { DONE, TIME_UP, STOPPED, WAITING }

    private final TenantScope scope;
    private final RecipientStore recipients;
    private final JobQueue queue;
    private final SealedCredentials credentials;
    private final LineMulticast line;
    private final PerRecipientSend perRecipient;
    private final BroadcastControl control;
    private final ChannelRejections rejections;
    private final BroadcastSettings settings;
    private final JsonMapper json;

    BroadcastChannelSend(TenantScope scope, RecipientStore recipients, JobQueue queue, SealedCredentials credentials,
                         LineMulticast line, PerRecipientSend perRecipient, BroadcastControl control,
                         ChannelRejections rejections, BroadcastSettings settings, JsonMapper json) {
        this.rejections = rejections;
        this.scope = scope;
        this.recipients = recipients;
        this.queue = queue;
        this.credentials = credentials;
        this.line = line;
        this.perRecipient = perRecipient;
        this.control = control;
        this.settings = settings;
        this.json = json;
    }

    /** The channel was deleted: its recipients fail. */
    Outcome channelGone(Job job, BroadcastRow broadcast, UUID channelId) {
        TenantId tenant = job.tenant();
        scope.writeVoid(tenant, () -> {
            List<Long> ids = recipients.inFlight(tenant.value(), broadcast.id(), channelId).stream()
                    .map(RecipientRow::id).toList();
            recipients.markFailed(tenant.value(), broadcast.id(), ids, "the channel was deleted");
            UUID key = Ids.next();
            List<RecipientRow> queued;
            while (!(queued = recipients.claim(tenant.value(), broadcast.id(), channelId, 1000, key)).isEmpty()) {
                recipients.markFailed(tenant.value(), broadcast.id(), queued.stream().map(RecipientRow::id).toList(),
                        "the channel was deleted");
            }
        });
        return Outcome.DONE;
    }

    Outcome run(Job job, BroadcastRow broadcast, BroadcastMessage message, ChannelRow channel, long deadline)
            throws Exception {
        TenantId tenant = job.tenant();
        Map<String, String> secrets;
        try {
            secrets = credentials.open(channel);
        } catch (SecretUnreadableException e) {
            control.pause(tenant, broadcast, "the credentials of channel " + channel.name() + " cannot be decrypted"
                    + " with the configured encryption key; save them again.");
            return Outcome.STOPPED;
        }
        Context context = new Context(job, broadcast, message, channel, secrets);
        try {
            if (channel.channelType() != ChannelType.LINE) {
                settleInFlight(context);
                Outcome outcome = perRecipient.run(context, deadline, this::content);
                if (outcome == Outcome.DONE && settleInFlight(context)) {
                    // an earlier attempt's unconfirmed recipients went back to the queue after their grace
                    outcome = perRecipient.run(context, deadline, this::content);
                }
                return outcome == Outcome.DONE && waiting(context) ? Outcome.WAITING : outcome;
            }
            settleLine(context);
            while (System.nanoTime() < deadline) {
                if (!control.running(tenant, broadcast)) {
                    return Outcome.STOPPED;
                }
                int size = batchSize(context);
                if (size == 0) {
                    return Outcome.STOPPED;
                }
                UUID batchKey = Ids.next();
                List<RecipientRow> batch = scope.write(tenant, () -> queue.held(job)
                        ? recipients.claim(tenant.value(), broadcast.id(), channel.id(), size, batchKey) : null);
                if (batch == null) {
                    return Outcome.STOPPED; // the job was taken over: its new attempt goes on
                }
                if (batch.isEmpty()) {
                    return Outcome.DONE;
                }
                send(context, batch, batchKey);
            }
            return Outcome.TIME_UP;
        } catch (Stop stop) {
            if (stop.credentials) {
                rejections.record(tenant, channel, stop.getMessage());
            }
            control.pause(tenant, broadcast, stop.getMessage());
            return Outcome.STOPPED;
        }
    }

    /**
     * Why the broadcast cannot go on (credentials, quota): it is paused with this reason. {@code credentials}: the
     * provider refused the channel's credentials, which also marks the channel unhealthy and raises the credentials
     * alert, as a live send does.
     */
    static final class Stop extends Exception {
        private final boolean credentials;

        Stop(String reason) {
            this(reason, false);
        }

        Stop(String reason, boolean credentials) {
            super(reason, null, false, false);
            this.credentials = credentials;
        }

        static Stop credentials(SendFailure.CredentialsRejected rejected) {
            return new Stop(rejected.getMessage(), true);
        }
    }

    record Context(Job job, BroadcastRow broadcast, BroadcastMessage message, ChannelRow channel,
                   Map<String, String> secrets) {
        TenantId tenant() {
            return job.tenant();
        }
    }

    /** What a LINE multicast may take: up to 500 ids, and never more than the monthly quota has left. */
    private int batchSize(Context context) throws Exception {
        OptionalLong remaining;
        try {
            remaining = line.remainingQuota(context.secrets());
        } catch (SendFailure.CredentialsRejected rejected) {
            throw Stop.credentials(rejected);
        }
        if (remaining.isPresent() && remaining.getAsLong() <= 0) {
            throw new Stop("LINE monthly message quota of channel " + context.channel().name() + " is used up;"
                    + " resume next month or raise the quota.");
        }
        return (int) Math.min(LineMulticast.MAX_TO, remaining.orElse(LineMulticast.MAX_TO));
    }

    /**
     * LINE recipients an earlier attempt left sending go again under their batch's retry key (LINE answers 409 to a
     * request it took already).
     */
    private void settleLine(Context context) throws Exception {
        TenantId tenant = context.tenant();
        List<RecipientRow> unknown = scope.read(tenant, () -> recipients.inFlight(tenant.value(),
                context.broadcast().id(), context.channel().id()));
        Map<UUID, List<RecipientRow>> batches = new java.util.LinkedHashMap<>();
        unknown.forEach(row -> batches.computeIfAbsent(row.batchKey(), key -> new java.util.ArrayList<>()).add(row));
        for (Map.Entry<UUID, List<RecipientRow>> batch : batches.entrySet()) {
            send(context, batch.getValue(), batch.getKey() == null ? Ids.next() : batch.getKey());
        }
    }

    /**
     * WhatsApp and Telegram recipients an earlier attempt left sending: claimed but never started → back to the
     * queue. Started ones may have reached the provider: on WhatsApp, their status webhook (found by the callback
     * data) marks them sent; those still without one {@link BroadcastSettings#settleGrace()} after a settle first saw
     * them go back to the queue and are sent again. Telegram sends no statuses: started ones fail as "may have arrived". Returns whether
     * any went back to the queue.
     */
    private boolean settleInFlight(Context context) {
        TenantId tenant = context.tenant();
        boolean statuses = context.channel().channelType() == ChannelType.WHATSAPP;
        int back = scope.write(tenant, () -> recipients.requeueLeftOver(tenant.value(), context.broadcast().id(),
                context.channel().id(), settings.settleGrace(), statuses));
        if (!statuses) {
            List<Long> unknown = scope.read(tenant, () -> recipients.inFlight(tenant.value(),
                    context.broadcast().id(), context.channel().id())).stream().map(RecipientRow::id).toList();
            if (!unknown.isEmpty()) {
                scope.writeVoid(tenant, () -> recipients.markFailed(tenant.value(), context.broadcast().id(),
                        unknown, RecipientStore.MAY_HAVE_ARRIVED + " (an earlier attempt handed it to "
                                + context.channel().channelType().label() + " but its answer was lost)"));
            }
        }
        return back > 0;
    }

    /** WhatsApp recipients still waiting for a status webhook (started by an earlier attempt, within the grace). */
    private boolean waiting(Context context) {
        TenantId tenant = context.tenant();
        return !scope.read(tenant, () -> recipients.inFlight(tenant.value(), context.broadcast().id(),
                context.channel().id())).isEmpty();
    }

    private void send(Context context, List<RecipientRow> batch, UUID batchKey) throws Exception {
        new LineBatch(scope, recipients, line, perRecipient.pacing(), this::content).send(context, batch, batchKey);
    }

    /** The recipient's rendered message, or the broadcast's when it has none of its own. */
    BroadcastMessage content(Context context, RecipientRow row) {
        if (row.contentJson() == null) {
            return context.message();
        }
        try {
            return json.readValue(row.contentJson(), BroadcastMessage.class);
        } catch (IOException e) {
            return context.message();
        }
    }
}
