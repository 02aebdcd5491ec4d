package io.parley.http.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Health for load balancers and Kubernetes, served by every role. Liveness says only that the process can answer;
 * readiness and {@code /health} also need the database (503 when it is down, so traffic goes elsewhere).
 *
 * <p>In a worker process {@code /health} and readiness also show the LLM's circuit breakers ({@link LlmHealth}), for
 * people and dashboards only: an open circuit leaves the status UP and the answer 200 — the bots answer with their
 * fallback message meanwhile, and taking pods out of service would not bring the provider back.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Health")
final class HealthController {

    private final DatabaseProbe database;
    private final String version;
    private final Optional<LlmHealth.Source> llm;

    HealthController(DatabaseProbe database, Optional<LlmHealth.Source> llm) {
        this.database = database;
        this.llm = llm;
        this.version = BuildVersion.read();
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Overall health", description = "503 when the database is unreachable.")
    HttpResponse<HealthResponse> health() {
        return respond(database.isUp());
    }

    @Get(uri = "/liveness", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Liveness: the process answers")
    HttpResponse<HealthResponse> liveness() {
        return HttpResponse.ok(new HealthResponse("UP", "UNKNOWN", version, uptimeSeconds(), null));
    }

    @Get(uri = "/readiness", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness: the process can serve traffic (database reachable)")
    HttpResponse<HealthResponse> readiness() {
        return respond(database.isUp());
    }

    private HttpResponse<HealthResponse> respond(boolean databaseUp) {
        String state = databaseUp ? "UP" : "DOWN";
        HealthResponse body = new HealthResponse(state, state, version, uptimeSeconds(),
                llm.map(LlmHealth.Source::current).orElse(null));
        return HttpResponse.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private static long uptimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
    }
}
