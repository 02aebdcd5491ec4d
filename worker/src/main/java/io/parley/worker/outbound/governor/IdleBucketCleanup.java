package io.parley.worker.outbound.governor;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.ServerRoles;
import io.parley.core.ratelimit.SendGovernor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the governor's buckets unused for {@code parley.outbound.rates.idle-bucket-retention} (1 hour), every
 * {@code parley.outbound.rates.cleanup-interval} (10 minutes). Every worker may run it; deleting twice is harmless.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class IdleBucketCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(IdleBucketCleanup.class);

    private final SendGovernor governor;
    private final SendRateSettings rates;

    IdleBucketCleanup(SendGovernor governor, SendRateSettings rates) {
        this.governor = governor;
        this.rates = rates;
    }

    @Scheduled(fixedDelay = "${parley.outbound.rates.cleanup-interval:10m}", initialDelay = "2m")
    void tick() {
        try {
            clean();
        } catch (RuntimeException e) {
            LOG.warn("Could not delete idle send rate buckets ({}); trying again later", e.getClass().getSimpleName());
        }
    }

    /** How many buckets were deleted. */
    public int clean() {
        return governor.forgetIdle(rates.idleBucketRetention());
    }
}
