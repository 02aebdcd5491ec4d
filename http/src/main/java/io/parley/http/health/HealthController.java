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

/**
 * Health for load balancers and Kubernetes, served by every role. Liveness says only that the process can answer;
 * readiness and {@code /health} also need the database (503 when it is down, so traffic goes elsewhere).
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Health")
final class HealthController {

    private final DatabaseProbe database;
    private final String version;

    HealthController(DatabaseProbe database) {
        this.database = database;
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
        return HttpResponse.ok(new HealthResponse("UP", "UNKNOWN", version, uptimeSeconds()));
    }

    @Get(uri = "/readiness", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness: the process can serve traffic (database reachable)")
    HttpResponse<HealthResponse> readiness() {
        return respond(database.isUp());
    }

    private HttpResponse<HealthResponse> respond(boolean databaseUp) {
        String state = databaseUp ? "UP" : "DOWN";
        HealthResponse body = new HealthResponse(state, state, version, uptimeSeconds());
        return HttpResponse.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private static long uptimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
    }
}
