package io.parley.core.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobObserver;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;

/**
 * The job runner's counters (docs/operations/observability.md, "Queue"): jobs claimed by kind, and each attempt's
 * run time by kind and outcome. Labels are the job kind and outcome only, a handful of values each.
 */
@Singleton
final class JobMetrics implements JobObserver {

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void claimed(String kind, int count) {
        Counter.builder("parley.jobs.claimed").description("Jobs claimed by this process")
                .tag("kind", kind).register(registry).increment(count);
    }

    @Override
    public void finished(Job job, Outcome outcome, Duration took) {
        Timer.builder("parley.jobs.attempts")
                .description("Job attempts run by this process, by how they ended (completed, retried, discarded, "
                        + "released), with their handler's run time")
                .tag("kind", job.kind()).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(Buckets.JOB)
                .register(registry).record(took);
    }
}
