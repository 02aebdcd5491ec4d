package io.parley.worker.trigger;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
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

    TriggerRunHandler(ProactiveTurns turns) {
        this.turns = turns;
    }

    @Override
    public String kind() {
        return TriggerJobs.RUN;
    }

    @Override
    public void run(Job job) {
        turns.run(job.tenant(), TriggerJobs.runId(job.argsJson())
                .orElseThrow(() -> new JobDiscard("trigger.run needs a runId")));
    }
}
