package io.parley.app.e2e;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces are off unless asked for (docs/operations/observability.md): the whole application, configured as by
 * default, has no OpenTelemetry at all — so nothing records spans and nothing tries to reach a collector.
 * (TraceChainTest covers tracing switched on.)
 */
@MicronautTest(transactional = false)
class TracingOffByDefaultTest extends PipelineTest {

    @Inject
    ApplicationContext context;

    @Test
    void withoutACollectorThereIsNoOpenTelemetryToRecordOrExportSpans() {
        assertThat(context.getProperty("parley.tracing.enabled", Boolean.class)).isEmpty();
        assertThat(context.findBean(OpenTelemetry.class)).isEmpty();
    }
}
