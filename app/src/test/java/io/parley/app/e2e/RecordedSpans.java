package io.parley.app.e2e;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory span exporter for tests (what opentelemetry-sdk-testing's InMemorySpanExporter does, in a few lines
 * rather than one more dependency): Micronaut's OpenTelemetry factory adds the {@link SpanProcessor} bean to the SDK.
 */
@Factory
@Requires(property = "parley.test.recorded-spans", value = "true")
class RecordedSpans {

    static final class Exporter implements SpanExporter {

        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    @Singleton
    Exporter exporter() {
        return new Exporter();
    }

    @Singleton
    SpanProcessor processor(Exporter exporter) {
        return SimpleSpanProcessor.create(exporter);
    }
}
