package io.parley.worker.trigger;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.trigger.TriggerJobs;
import io.parley.core.trigger.TriggerScan;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Runs the {@code trigger.scan} job: one tenant's inactive and schedule flows (core's TriggerScan). */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class TriggerScanHandler implements JobHandler {

    private final TriggerScan scan;

    TriggerScanHandler(TriggerScan scan) {
        this.scan = scan;
    }

    @Override
    public String kind() {
        return TriggerJobs.SCAN;
    }

    @Override
    public void run(Job job) {
        scan.scan(job.tenant(), Instant.now());
    }
}
