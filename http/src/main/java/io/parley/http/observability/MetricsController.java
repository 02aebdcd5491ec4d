package io.parley.http.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /metrics}: every meter of this process in the Prometheus text format (docs/operations/observability.md).
 *
 * <p>Where it answers is {@code parley.management.port} ({@code PARLEY_MANAGEMENT_PORT}): when set, only on that
 * port — Micronaut opens it as a second listener that serves this route and nothing else, and the public port has no
 * {@code /metrics} at all (a 404 problem, never the dashboard's page: the dashboard's fallback reserves the path).
 * Production sets it (the Helm chart and the compose file do) and leaves the port out of the Ingress; without it,
 * as in the all-in-one development mode, {@code /metrics} is on the main port. Not in the public OpenAPI document.
 *
 * <p>Micronaut's own management endpoint ({@code /prometheus}) is not used: Parley keeps every management endpoint
 * off (application.yml) and needs the conventional path, on a port of its choosing, with no other endpoint beside it.
 */
@Controller(value = "/metrics", port = "${parley.management.port:}")
@Requires(beans = PrometheusMeterRegistry.class)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class MetricsController {

    /** The classic text exposition format; every Prometheus version and agent reads it. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(produces = CONTENT_TYPE)
    HttpResponse<String> scrape() {
        return HttpResponse.ok(registry.scrape()).header("Cache-Control", "no-store");
    }
}
