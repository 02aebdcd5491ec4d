package io.parley.worker.broadcast;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.admin.TenantSuspensions;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.broadcast.BroadcastJobs;
import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.broadcast.BroadcastRow;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.BroadcastStore;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs {@code broadcast.send} jobs (docs/broadcasts.md "Sending"): starts a scheduled broadcast when due (once: the
 * state moves scheduled → running in one conditional update), waits out quiet hours, then sends channel by channel
 * for one {@link BroadcastSettings#slice()} and enqueues the next run while recipients are left; at the end the
 * broadcast is completed. A paused or cancelled broadcast's job does nothing. Safe to run again after a crash: the
 * recipients' statuses say what is left, and those an earlier attempt handed over are settled first.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class BroadcastSendHandler implements JobHandler {

    /** When only recipients waiting for status webhooks are left, the next run comes this much later. */
    private static final java.time.Duration RECHECK = java.time.Duration.ofSeconds(5);

    private final TenantScope scope;
    private final BroadcastStore broadcasts;
    private final RecipientStore recipients;
    private final ChannelRepository channels;
    private final BroadcastJobs jobs;
    private final BroadcastChannelSend sends;
    private final BroadcastControl control;
    private final QuietHours quietHours;
    private final BroadcastSettings settings;
    private final AuditLog audit;
    private final JsonMapper json;
    private final TenantSuspensions suspensions;

    BroadcastSendHandler(TenantScope scope, BroadcastStore broadcasts, RecipientStore recipients,
                         ChannelRepository channels, BroadcastJobs jobs, BroadcastChannelSend sends,
                         BroadcastControl control, QuietHours quietHours, BroadcastSettings settings, AuditLog audit,
                         JsonMapper json, TenantSuspensions suspensions) {
        this.scope = scope;
        this.broadcasts = broadcasts;
        this.recipients = recipients;
        this.channels = channels;
        this.jobs = jobs;
        this.sends = sends;
        this.control = control;
        this.quietHours = quietHours;
        this.settings = settings;
        this.audit = audit;
        this.json = json;
        this.suspensions = suspensions;
    }

    @Override
    public String kind() {
        return BroadcastJobs.KIND;
    }

    @Override
    public void run(Job job) throws Exception {
        if (suspensions.holds(job)) {
            return; // the tenant is suspended: this job is enqueued again when it resumes (docs/operator-console.md)
        }
        TenantId tenant = job.tenant();
        UUID id;
        try {
            id = BroadcastJobs.parse(job.argsJson());
        } catch (RuntimeException e) {
            throw new JobDiscard("broadcast.send args are malformed");
        }
        BroadcastRow broadcast = scope.read(tenant, () -> broadcasts.find(tenant.value(), id)).orElse(null);
        if (broadcast == null) {
            return;
        }
        if (broadcast.state() == BroadcastState.SCHEDULED) {
            if (broadcast.scheduledAt() != null && broadcast.scheduledAt().isAfter(Instant.now().plusSeconds(1))) {
                return; // resumed before its time: the job enqueued for the scheduled time starts it
            }
            boolean started = scope.write(tenant, () -> {
                boolean moved = broadcasts.transition(tenant.value(), id, List.of(BroadcastState.SCHEDULED),
                        BroadcastState.RUNNING, null);
                if (moved) {
                    audit.record(tenant, Actor.system("broadcast sender"), "broadcast.started", "broadcast",
                            id.toString(), Map.of("recipients", broadcast.plannedCount()));
                }
                return moved;
            });
            if (!started) {
                return;
            }
        } else if (broadcast.state() != BroadcastState.RUNNING) {
            return;
        }
        Instant quietUntil = quietHours.until(tenant, broadcast.quietHoursJson(), Instant.now());
        if (quietUntil != null) {
            scope.writeVoid(tenant, () -> jobs.enqueue(tenant, id, quietUntil));
            return;
        }
        BroadcastMessage message = message(broadcast);
        try {
            send(job, broadcast, message);
        } catch (JobDiscard | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (job.isLastAttempt()) {
                control.giveUp(tenant, broadcast, "gave up after " + job.attempt() + " attempts: "
                        + Failures.describe(e));
            }
            throw e;
        }
    }

    private void send(Job job, BroadcastRow broadcast, BroadcastMessage message) throws Exception {
        TenantId tenant = job.tenant();
        UUID id = broadcast.id();
        long deadline = System.nanoTime() + settings.slice().toNanos();
        boolean waiting = false;
        for (UUID channelId : broadcast.channelIds()) {
            ChannelRow channel = scope.read(tenant, () -> broadcasts.channelBot(tenant.value(), channelId)
                    .flatMap(bot -> channels.find(tenant.value(), bot, channelId))).orElse(null);
            BroadcastChannelSend.Outcome outcome = channel == null
                    ? sends.channelGone(job, broadcast, channelId)
                    : sends.run(job, broadcast, message, channel, deadline);
            if (outcome == BroadcastChannelSend.Outcome.STOPPED) {
                return;
            }
            waiting |= outcome == BroadcastChannelSend.Outcome.WAITING;
        }
        long left = scope.read(tenant, () -> recipients.unfinished(tenant.value(), id));
        if (left == 0) {
            control.complete(tenant, broadcast);
        } else if (control.running(tenant, broadcast)) {
            // recipients waiting for their status webhooks: look again in a while rather than at once
            Instant at = waiting ? Instant.now().plus(RECHECK) : null;
            scope.writeVoid(tenant, () -> jobs.enqueue(tenant, id, at));
        }
    }

    private BroadcastMessage message(BroadcastRow broadcast) throws JobDiscard {
        try {
            return json.readValue(broadcast.messageJson(), BroadcastMessage.class);
        } catch (IOException e) {
            throw new JobDiscard("the broadcast's message is not readable");
        }
    }
}
