package io.parley.core.observability;

import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace a job belongs to, as a W3C {@code traceparent} (https://www.w3.org/TR/trace-context/#traceparent-header):
 * taken from the current context when the job is requested (a webhook's server span, a turn's job span), stored in
 * {@code jobs.trace_parent}, and continued by the worker that runs it, so one trace spans webhook → turn → LLM →
 * send across the PostgreSQL queue. Null when tracing is off or nothing is being traced: then nothing is stored.
 * It holds ids and flags only, never baggage.
 */
public final class TraceParent {

    private static final String HEADER = "traceparent";

    private static final TextMapGetter<String> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(@Nullable String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParent() {
    }

    /** The current span's traceparent, or null when there is no valid span. */
    @Nullable
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The context to continue {@code traceParent} in; the root context when it is null or malformed. */
    public static Context continued(@Nullable String traceParent) {
        if (traceParent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, GETTER);
    }
}
