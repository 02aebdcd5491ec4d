package io.parley.http.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: every meter of this process in the Prometheus text format (docs/operations/observability.md).
 *
 * <p>Where it answers is {@code parley.management.port} ({@code PARLEY_MANAGEMENT_PORT}): when set, only on that
 * port — Micronaut opens it as a second listener that serves this route and nothing else, and the public port has no
 * {@code /metrics} at all (a 404 problem, never the dashboard's page: the dashboard's fallback reserves the path).
 * Production sets it (the Helm chart and the compose file do) and leaves the port out of the Ingress; without it,
 * as in the all-in-one development mode, {@code /metrics} is on the main port. Not in the public OpenAPI document.
 *
 * <p>With {@code parley.metrics.token} ({@code PARLEY_METRICS_TOKEN}) set, a scrape must send it as
 * {@code Authorization: Bearer <token>} (compared in constant time), else 401 problem: protection for installations
 * whose management port is reachable by more than the scraper. Unset, the port's reachability is the protection.
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

    static final String TOKEN_REQUIRED = "Send the metrics token as 'Authorization: Bearer <token>'.";

    private final PrometheusMeterRegistry registry;
    private final byte[] expected;

    MetricsController(PrometheusMeterRegistry registry, @Value("${parley.metrics.token:}") String token) {
        this.registry = registry;
        this.expected = token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    @Get(produces = CONTENT_TYPE)
    HttpResponse<String> scrape(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (expected != null && (authorization == null
                || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8)))) {
            throw new ProblemException(ProblemKind.UNAUTHORIZED, TOKEN_REQUIRED);
        }
        return HttpResponse.ok(registry.scrape()).header("Cache-Control", "no-store");
    }
}
