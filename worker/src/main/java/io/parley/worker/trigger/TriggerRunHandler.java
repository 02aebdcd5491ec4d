package io.parley.worker.trigger;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.admin.TenantSuspensions;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.trigger.TriggerJobs;
import io.parley.worker.turn.ProactiveTurns;
import jakarta.inject.Singleton;

/** Runs the {@code trigger.run} job {@code {"runId"}}: one proactive message (worker/turn's ProactiveTurns). */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class TriggerRunHandler implements JobHandler {

    private final ProactiveTurns turns;
    private final TenantSuspensions suspensions;

    TriggerRunHandler(ProactiveTurns turns, TenantSuspensions suspensions) {
        this.turns = turns;
        this.suspensions = suspensions;
    }

    @Override
    public String kind() {
        return TriggerJobs.RUN;
    }

    @Override
    public void run(Job job) {
        if (suspensions.holds(job)) {
            return; // the tenant is suspended: this job is enqueued again when it resumes (docs/operator-console.md)
        }
        turns.run(job.tenant(), TriggerJobs.runId(job.argsJson())
                .orElseThrow(() -> new JobDiscard("trigger.run needs a runId")));
    }
}
