package io.parley.http.health;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code GET /health}. */
@Serdeable
@Schema(name = "Health")
public record HealthResponse(
        @Schema(type = "string", example = "UP", allowableValues = {"UP", "DOWN"}) String status,
        @Schema(type = "string", example = "UP", allowableValues = {"UP", "DOWN"}) String database,
        @Schema(example = "0.1.0") String version,
        @Schema(description = "Seconds since this process started", example = "3600") long uptime) {
}
