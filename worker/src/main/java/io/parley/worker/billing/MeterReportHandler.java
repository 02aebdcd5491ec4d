package io.parley.worker.billing;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.billing.meter.MeterReporter;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Reports a tenant's metered usage to Stripe (job kind {@value #KIND}; {@link MeterReporter}). Stripe unreachable →
 * the job fails and the queue retries it with backoff, resending the same events with the same identifiers.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class MeterReportHandler implements JobHandler {

    static final String KIND = "billing.meter-report";
    private static final Logger LOG = LoggerFactory.getLogger(MeterReportHandler.class);

    private final MeterReporter reporter;

    MeterReportHandler(MeterReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        MeterReporter.Result result = reporter.report(job.tenant(), Instant.now());
        if (result.reported() > 0) {
            LOG.info("Reported {} meter event(s) of tenant {} to Stripe", result.reported(), job.tenant());
        }
    }
}
