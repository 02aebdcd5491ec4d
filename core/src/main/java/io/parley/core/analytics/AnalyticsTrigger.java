package io.parley.core.analytics;

import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schedules a tenant's rollup refresh when it has new activity: at most one {@code analytics.rollup} job per tenant
 * and {@code parley.analytics.rollup-interval}, due at the interval's end. The first call of an interval enqueues
 * (the unique key makes other processes' calls no-ops); later ones are a map lookup, so the turn path pays one
 * small insert per tenant and interval, not one per message. {@code parley.analytics.rollup-enabled: false} turns
 * it off.
 */
@Singleton
public final class AnalyticsTrigger {

    public static final String KIND = "analytics.rollup";

    private final JobQueue queue;
    private final TenantScope scope;
    private final AnalyticsSettings settings;
    private final Map<TenantId, Long> scheduled = new ConcurrentHashMap<>();

    AnalyticsTrigger(JobQueue queue, TenantScope scope, AnalyticsSettings settings) {
        this.queue = queue;
        this.scope = scope;
        this.settings = settings;
    }

    /** The tenant's raw rows changed (call after the commit). */
    public void touched(TenantId tenant) {
        if (!settings.rollupEnabled()) {
            return;
        }
        long interval = Math.max(1, settings.rollupInterval().toMillis());
        long slot = Math.floorDiv(System.currentTimeMillis(), interval);
        Long before = scheduled.put(tenant, slot);
        if (before != null && before == slot) {
            return;
        }
        JobRequest job = JobRequest.of(KIND, "{}").unique(KIND + ":" + slot).serial(KIND + ":" + tenant.value())
                .at(Instant.ofEpochMilli((slot + 1) * interval)).maxAttempts(3);
        scope.writeVoid(tenant, () -> queue.enqueue(tenant, job));
    }
}
