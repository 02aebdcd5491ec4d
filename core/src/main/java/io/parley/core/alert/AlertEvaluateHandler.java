package io.parley.core.alert;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Evaluates one tenant's time-based alert rules now (job kind {@value #KIND}, no args). Idempotent: an alert raised
 * already in its period is not raised again, so a retry or a second run raises nothing new.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class AlertEvaluateHandler implements JobHandler {

    static final String KIND = "alert.evaluate";

    private final AlertEvaluator evaluator;

    AlertEvaluateHandler(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The evaluation of interval slot {@code slot}: one per tenant and slot, one at a time per tenant. */
    static JobRequest job(TenantId tenant, long slot) {
        return JobRequest.of(KIND, "{}").unique(KIND + ":" + slot).serial(KIND + ":" + tenant.value())
                .maxAttempts(3);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        evaluator.evaluate(job.tenant(), Instant.now());
    }
}
