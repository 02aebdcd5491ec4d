package io.parley.core.observability;

import io.micronaut.core.annotation.Order;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobObserver;
import jakarta.inject.Singleton;

/**
 * Puts a job's tenant, id and kind — and its trace and span ids when it is traced — in the log's MDC while its
 * attempt runs ({@link LogContext}). Ordered inside {@link JobTracing}, so the job's own span is current.
 */
@Singleton
@Order(0)
final class JobLogContext implements JobObserver {

    @Override
    public void around(Job job, Attempt attempt) throws Exception {
        LogContext.put(LogContext.TENANT, job.tenant());
        LogContext.put(LogContext.JOB, job.id());
        LogContext.put(LogContext.JOB_KIND, job.kind());
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            LogContext.put(LogContext.TRACE, span.getTraceId());
            LogContext.put(LogContext.SPAN, span.getSpanId());
        }
        try {
            attempt.run();
        } finally {
            LogContext.clear();
        }
    }
}
