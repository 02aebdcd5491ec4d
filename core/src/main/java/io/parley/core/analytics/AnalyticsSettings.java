package io.parley.core.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.analytics.*}: how the rollups follow the raw rows (docs/analytics.md, "How the figures are kept").
 *
 * @param rollupInterval a tenant with new activity has its rollups refreshed at most this often (one
 *                       {@code analytics.rollup} job per tenant and interval)
 * @param rollupLookback each refresh looks for the raw rows changed since the last one among the rows from this
 *                       long before it, and recomputes their buckets: rows that commit late and statuses
 *                       (delivered, read, failed) that arrive later are corrected while they are younger than this
 * @param rollupEnabled  false: activity enqueues no refresh (the figures stop following the conversations); for
 *                       measuring what the rollups cost the turn path (bench/README.md) and for emergencies
 * @param rebuildSliceWeeks a full rebuild (a tenant's first refresh, a time zone change) recomputes this many ISO
 *                       weeks of history per transaction, oldest first; a crash resumes at the next slice
 */
@ConfigurationProperties("parley.analytics")
public record AnalyticsSettings(
        @Bindable(defaultValue = "1m") @NotNull Duration rollupInterval,
        @Bindable(defaultValue = "6h") @NotNull Duration rollupLookback,
        @Bindable(defaultValue = "true") boolean rollupEnabled,
        @Bindable(defaultValue = "2") @Min(1) int rebuildSliceWeeks) {
}
