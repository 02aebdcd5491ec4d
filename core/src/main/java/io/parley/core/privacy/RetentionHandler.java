package io.parley.core.privacy;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one tenant's retention (job kind {@value #KIND}, no args): messages and stored provider events older than
 * the tenant's number of days are deleted in batches (one short transaction each), and tombstones of erased
 * identities older than {@code parley.privacy.tombstone-days} are purged. A closed tenant whose grace has passed is
 * deleted whole instead. Idempotent: a re-run deletes what is left.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class RetentionHandler implements JobHandler {

    public static final String KIND = "privacy.retention";
    static final int BATCH = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionHandler.class);

    private final TenantScope scope;
    private final RetentionRepository retention;
    private final PrivacySettings settings;

    RetentionHandler(TenantScope scope, RetentionRepository retention, PrivacySettings settings) {
        this.scope = scope;
        this.retention = retention;
        this.settings = settings;
    }

    /** The run of interval slot {@code slot}: one per tenant and slot, one at a time per tenant. */
    static JobRequest job(TenantId tenant, long slot) {
        return JobRequest.of(KIND, "{}").unique(KIND + ":" + slot).serial(KIND + ":" + tenant.value()).maxAttempts(5);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        TenantId tenant = job.tenant();
        int deleted = scope.write(tenant, () -> retention.deleteIfDue(tenant.value()));
        if (deleted >= 0) {
            LOG.info("Closed tenant {} deleted after its grace period: {} row(s)", tenant, deleted);
            return;
        }
        int purged = scope.write(tenant, () -> retention.purgeTombstones(tenant.value(), settings.tombstoneDays()));
        Integer days = scope.read(tenant, () -> retention.retentionDays(tenant.value()).orElse(null));
        if (days == null) {
            return;
        }
        long messages = drain(() -> scope.write(tenant, () -> retention.deleteOldMessages(tenant.value(), days, BATCH)));
        long events = drain(() -> scope.write(tenant, () -> retention.deleteOldEvents(tenant.value(), days, BATCH)));
        if (messages + events + purged > 0) {
            LOG.info("Retention of tenant {}: {} message(s) and {} event(s) older than {} days deleted, {} tombstone(s) "
                    + "purged", tenant, messages, events, days, purged);
        }
    }

    private static long drain(java.util.function.IntSupplier batch) {
        long total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
