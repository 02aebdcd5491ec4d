package io.parley.core.observability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobObserver;
import jakarta.inject.Singleton;

/**
 * One span per job attempt ({@code job <kind>}, kind CONSUMER), a child of the span that enqueued the job — the
 * webhook's request, or the turn that queued a send — so a trace crosses the PostgreSQL queue. Current while the
 * handler runs, so the LLM and send spans hang under it. Attributes are ids and counters: the tenant, the job's id,
 * kind and attempt; never its arguments. Only when tracing is on (an OpenTelemetry bean exists).
 */
@Singleton
@Requires(beans = OpenTelemetry.class)
@Order(-10) // outside JobLogContext, which logs this span's ids
final class JobTracing implements JobObserver {

    static final String SCOPE = "io.parley";

    private final Tracer tracer;

    JobTracing(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer(SCOPE);
    }

    @Override
    public void around(Job job, Attempt attempt) throws Exception {
        Span span = tracer.spanBuilder("job " + job.kind()).setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceParent.continued(job.traceParent()))
                .setAttribute("messaging.system", "parley-queue")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", job.kind())
                .setAttribute("messaging.message.id", Long.toString(job.id()))
                .setAttribute("parley.job.attempt", job.attempt())
                .setAttribute("parley.tenant.id", job.tenant().toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            attempt.run();
        } catch (Exception | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName()); // the type only: messages can quote data
            throw e;
        } finally {
            span.end();
        }
    }
}
