package io.parley.worker.analytics;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.analytics.AnalyticsRollup;
import io.parley.core.analytics.AnalyticsTrigger;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import jakarta.inject.Singleton;

/**
 * {@code analytics.rollup} {@code {}}: refreshes the job's tenant's rollups from its committed rows (serial per
 * tenant, one per tenant and interval; {@link AnalyticsTrigger}). Idempotent: a refresh recomputes whole buckets.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class AnalyticsRollupHandler implements JobHandler {

    private final AnalyticsRollup rollup;

    AnalyticsRollupHandler(AnalyticsRollup rollup) {
        this.rollup = rollup;
    }

    @Override
    public String kind() {
        return AnalyticsTrigger.KIND;
    }

    @Override
    public void run(Job job) {
        rollup.refresh(job.tenant());
    }
}
