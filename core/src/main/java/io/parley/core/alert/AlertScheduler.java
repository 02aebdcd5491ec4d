package io.parley.core.alert;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.ServerRoles;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Every {@code parley.alerts.interval} (default 1 minute), enqueues one {@value AlertEvaluateHandler#KIND} job per
 * tenant with an enabled rule, unique per tenant and interval slot: the jobs of all worker replicas are one, and
 * the job does the work (and retries it).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class AlertScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(AlertScheduler.class);

    private final AlertRuleRepository rules;
    private final AlertSettings settings;
    private final TenantScope scope;
    private final JobQueue queue;

    AlertScheduler(AlertRuleRepository rules, AlertSettings settings, TenantScope scope, JobQueue queue) {
        this.rules = rules;
        this.settings = settings;
        this.scope = scope;
        this.queue = queue;
    }

    @Scheduled(fixedDelay = "${parley.alerts.interval:1m}", initialDelay = "30s")
    void tick() {
        try {
            enqueue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Could not enqueue the alert evaluations ({}); trying again at the next interval",
                    e.getClass().getSimpleName());
        }
    }

    /** The number of tenants whose evaluation was enqueued (or already was, by another worker). */
    int enqueue(Instant now) {
        List<TenantId> tenants = rules.tenantsWithRules().stream()
                .map(TenantId::new).toList();
        long slot = Math.floorDiv(now.toEpochMilli(), Math.max(1, settings.interval().toMillis()));
        scope.writeEach(tenants, tenant -> queue.enqueue(tenant, AlertEvaluateHandler.job(tenant, slot)));
        return tenants.size();
    }
}
