package io.parley.worker.trigger;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.ServerRoles;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.trigger.TriggerJobs;
import io.parley.core.trigger.TriggerRunRepository;
import io.parley.core.trigger.TriggerSettings;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Every {@code parley.triggers.scan-interval}, enqueues one {@code trigger.scan} job per tenant that has an enabled
 * inactive or schedule flow. The job's unique key names the interval, so the timers of all worker replicas make one
 * job per tenant and interval; the scan itself does the work (and is retried by the queue).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class TriggerTimer {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerTimer.class);

    private final TriggerRunRepository runs;
    private final TriggerSettings settings;
    private final TenantScope scope;
    private final JobQueue queue;

    TriggerTimer(TriggerRunRepository runs, TriggerSettings settings, TenantScope scope, JobQueue queue) {
        this.runs = runs;
        this.settings = settings;
        this.scope = scope;
        this.queue = queue;
    }

    @Scheduled(fixedDelay = "${parley.triggers.scan-interval:1m}", initialDelay = "10s")
    void tick() {
        try {
            enqueue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Could not enqueue the trigger scans ({}); trying again at the next interval",
                    e.getClass().getSimpleName());
        }
    }

    /** The number of tenants scanned in this interval. */
    int enqueue(Instant now) {
        List<TenantId> tenants = scope.read(null, runs::scannedTenants).stream().map(TenantId::new).toList();
        long window = now.toEpochMilli() / Math.max(1, settings.scanInterval().toMillis());
        scope.writeEach(tenants, tenant -> queue.enqueue(tenant, TriggerJobs.scan(window)));
        return tenants.size();
    }
}
