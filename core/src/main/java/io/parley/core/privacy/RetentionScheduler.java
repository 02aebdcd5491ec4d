package io.parley.core.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.ServerRoles;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Every {@code parley.privacy.retention-interval} (default 1 hour), enqueues one {@value RetentionHandler#KIND} job
 * per tenant with privacy settings, unique per tenant and interval slot, so the jobs of all worker replicas are one.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class RetentionScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionScheduler.class);

    private final RetentionRepository retention;
    private final PrivacySettings settings;
    private final TenantScope scope;
    private final JobQueue queue;

    RetentionScheduler(RetentionRepository retention, PrivacySettings settings, TenantScope scope, JobQueue queue) {
        this.retention = retention;
        this.settings = settings;
        this.scope = scope;
        this.queue = queue;
    }

    @Scheduled(fixedDelay = "${parley.privacy.retention-interval:1h}", initialDelay = "1m")
    void tick() {
        try {
            enqueue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Could not enqueue the retention jobs ({}); trying again at the next interval",
                    e.getClass().getSimpleName());
        }
    }

    /** The number of tenants whose retention job was enqueued (or already was, by another worker). */
    int enqueue(Instant now) {
        List<TenantId> tenants = retention.tenants().stream().map(TenantId::new).toList();
        long slot = Math.floorDiv(now.toEpochMilli(), Math.max(1, settings.retentionInterval().toMillis()));
        scope.writeEach(tenants, tenant -> queue.enqueue(tenant, RetentionHandler.job(tenant, slot)));
        return tenants.size();
    }
}
