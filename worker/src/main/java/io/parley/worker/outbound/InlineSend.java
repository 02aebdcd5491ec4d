package io.parley.worker.outbound;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRetryAfter;
import io.parley.core.queue.QueueSettings;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A turn's reply sent right after the reply committed, by the turn's own job (same worker, same claim), instead of
 * through an {@code outbound.send} job of its own: one job per turn (docs/outbound.md, "One job per turn"). The send
 * is {@link OutboundSendHandler}'s, with the turn job's claim behind its hand-over marks, so a worker declared dead
 * meanwhile sends nothing. When it does not succeed, an {@code outbound.send} job takes over the same messages
 * (unique on the first message id, due after the failure's delay): retries, backoff and giving up stay the job's.
 * A crash between the reply's commit and the send leaves the reply's messages queued with no job: the turn job runs
 * again, finds its reply and enqueues that job (MessageIntake, UnsentReplies).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class InlineSend {

    private static final Logger LOG = LoggerFactory.getLogger(InlineSend.class);

    private final OutboundSendHandler sender;
    private final TenantScope scope;
    private final JobQueue queue;
    private final JsonMapper json;
    private final Duration firstRetry;
    private final boolean enabled;

    /** @param enabled {@code parley.turn.inline-send}: false puts every reply in an {@code outbound.send} job */
    InlineSend(OutboundSendHandler sender, TenantScope scope, JobQueue queue, JsonMapper json,
               QueueSettings settings, @Value("${parley.turn.inline-send:true}") boolean enabled) {
        this.enabled = enabled;
        this.sender = sender;
        this.scope = scope;
        this.queue = queue;
        this.json = json;
        this.firstRetry = settings.backoffUnit(); // what the job's first failed attempt would wait
    }

    /** False when replies go through {@code outbound.send} jobs, as before one job per turn (for comparison). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Sends {@code args} under {@code turnJob}'s claim; on failure, leaves them to an {@code outbound.send} job on
     * {@code sendKey}. Call after the transaction that queued the messages committed.
     */
    public void send(Job turnJob, OutboundSendArgs args, String sendKey) throws InterruptedException {
        Duration retryAfter;
        try {
            sender.deliver(turnJob, args);
            return;
        } catch (Deliveries.JobLost lost) {
            // declared dead or its lease lost: the turn runs again elsewhere and sends what is still queued
            LOG.warn("Turn job {} is no longer held by {}; its reply is left to the attempt that took it over",
                    turnJob.id(), turnJob.worker());
            return;
        } catch (InterruptedException e) {
            throw e; // shutdown handed the turn back: its next attempt finds the reply unsent
        } catch (JobRetryAfter retry) {
            retryAfter = retry.delay();
        } catch (JobDiscard discard) {
            retryAfter = Duration.ZERO; // the job reaches the same verdict (and can be retried from the jobs API)
        } catch (Exception e) {
            retryAfter = firstRetry;
        }
        LOG.info("Reply of turn job {} not sent inline; an outbound.send job takes it over in {} ms", turnJob.id(),
                retryAfter.toMillis());
        Duration delay = retryAfter;
        scope.writeVoid(turnJob.tenant(), () -> queue.enqueue(turnJob.tenant(), args.job(sendKey, json).after(delay)));
    }
}
