package io.parley.worker.billing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.ServerRoles;
import io.parley.core.billing.StripeGateway;
import io.parley.core.billing.meter.MeterCatalog;
import io.parley.core.billing.meter.MeterHours;
import io.parley.core.billing.meter.MeterReportRepository;
import io.parley.core.billing.meter.MeteringSettings;
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
 * Every {@code parley.billing.metering.interval}, enqueues for each tenant with a Stripe customer one meter report job
 * per hour and one reconciliation job per {@code reconcile-interval}: the unique keys make the jobs of all worker
 * replicas one. The jobs do the work (and retry it); off when no meter is configured or Stripe is not.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class MeterScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(MeterScheduler.class);

    private final MeterCatalog meters;
    private final MeteringSettings settings;
    private final StripeGateway stripe;
    private final MeterReportRepository reports;
    private final TenantScope scope;
    private final JobQueue queue;

    MeterScheduler(MeterCatalog meters, MeteringSettings settings, StripeGateway stripe, MeterReportRepository reports,
                   TenantScope scope, JobQueue queue) {
        this.meters = meters;
        this.settings = settings;
        this.stripe = stripe;
        this.reports = reports;
        this.scope = scope;
        this.queue = queue;
    }

    @Scheduled(fixedDelay = "${parley.billing.metering.interval:10m}", initialDelay = "1m")
    void tick() {
        try {
            enqueue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Could not enqueue the meter reports ({}); trying again at the next interval",
                    e.getClass().getSimpleName());
        }
    }

    /** The number of tenants whose jobs were enqueued (or already were). */
    int enqueue(Instant now) {
        if (!meters.enabled() || !stripe.configured()) {
            return 0;
        }
        List<TenantId> tenants = reports.customerTenants().stream().map(TenantId::new).toList();
        // the end of the hours closed by now: one report job per tenant each time another hour closes
        String hour = MeterHours.floor(now.minus(settings.settle())).toString();
        long window = now.getEpochSecond() / Math.max(1, settings.reconcileInterval().toSeconds());
        scope.writeEach(tenants, tenant -> {
            queue.enqueue(tenant, JobRequest.of(MeterReportHandler.KIND, "{}").unique("meters:" + hour)
                    .serial("billing:" + tenant));
            queue.enqueue(tenant, JobRequest.of(MeterReconcileHandler.KIND, "{}").unique("meter-check:" + window)
                    .serial("billing:" + tenant));
        });
        return tenants.size();
    }
}
