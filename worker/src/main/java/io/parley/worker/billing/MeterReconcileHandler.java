package io.parley.worker.billing;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.billing.meter.MeterReconciler;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Compares a tenant's ledger with Stripe's meter summaries (job kind {@value #KIND}; {@link MeterReconciler}). */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class MeterReconcileHandler implements JobHandler {

    static final String KIND = "billing.meter-reconcile";

    private final MeterReconciler reconciler;

    MeterReconcileHandler(MeterReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        reconciler.reconcile(job.tenant(), Instant.now());
    }
}
