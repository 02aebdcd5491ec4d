package io.parley.worker.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Parley's tracer: the configured OpenTelemetry's, or a no-op one while tracing is off (no spans, no cost). */
@Singleton
final class Tracers {

    private final Tracer tracer;

    Tracers(Optional<OpenTelemetry> telemetry) {
        this.tracer = telemetry.orElse(OpenTelemetry.noop()).getTracer("io.parley");
    }

    Tracer tracer() {
        return tracer;
    }
}
