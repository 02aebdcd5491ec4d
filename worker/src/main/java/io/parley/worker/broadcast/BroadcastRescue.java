package io.parley.worker.broadcast;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.ServerRoles;
import io.parley.core.broadcast.AbandonedBroadcasts;
import io.parley.core.broadcast.BroadcastJobs;
import io.parley.core.broadcast.BroadcastRow;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.BroadcastStore;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Every {@code parley.broadcasts.rescue-interval} (1 minute), finds running broadcasts whose job the queue discarded
 * and that no job runs any more ({@link AbandonedBroadcasts}), e.g. the worker died during the job's last attempt.
 * One whose recipients all reached a final state completes; one with recipients left gets one more run, which sends
 * them or gives them up ({@link BroadcastControl#giveUp}). Every worker may do this at once: the extra run is unique
 * per discarded job and completing is a conditional update.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class BroadcastRescue {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastRescue.class);
    private static final Duration LOOKBACK = Duration.ofDays(1);
    private static final int LIMIT = 100;

    private final TenantScope scope;
    private final AbandonedBroadcasts abandoned;
    private final BroadcastStore broadcasts;
    private final RecipientStore recipients;
    private final BroadcastJobs jobs;
    private final BroadcastControl control;

    BroadcastRescue(TenantScope scope, AbandonedBroadcasts abandoned, BroadcastStore broadcasts,
                    RecipientStore recipients, BroadcastJobs jobs, BroadcastControl control) {
        this.scope = scope;
        this.abandoned = abandoned;
        this.broadcasts = broadcasts;
        this.recipients = recipients;
        this.jobs = jobs;
        this.control = control;
    }

    @Scheduled(fixedDelay = "${parley.broadcasts.rescue-interval:1m}", initialDelay = "1m")
    void tick() {
        try {
            rescue();
        } catch (RuntimeException e) {
            LOG.warn("Could not look for abandoned broadcasts ({}); trying again at the next interval",
                    e.getClass().getSimpleName());
        }
    }

    /** How many running broadcasts were completed or given one more run. */
    int rescue() {
        List<AbandonedBroadcasts.Abandoned> found = scope.asQueue(() -> abandoned.find(LOOKBACK, LIMIT));
        int rescued = 0;
        for (AbandonedBroadcasts.Abandoned one : found) {
            BroadcastRow broadcast = scope.read(one.tenant(), () -> broadcasts.find(one.tenant().value(),
                    one.broadcast())).orElse(null);
            if (broadcast == null || broadcast.state() != BroadcastState.RUNNING) {
                continue;
            }
            rescued++;
            if (scope.read(one.tenant(), () -> recipients.unfinished(one.tenant().value(), broadcast.id())) == 0) {
                control.complete(one.tenant(), broadcast);
            } else {
                LOG.warn("Broadcast {} is running but its job {} was discarded: one more run", broadcast.id(),
                        one.jobId());
                scope.writeVoid(one.tenant(), () -> jobs.enqueueRescue(one.tenant(), broadcast.id(), one.jobId()));
            }
        }
        return rescued;
    }
}
