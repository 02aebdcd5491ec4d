package io.parley.http.health;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code GET /health}. */
@Serdeable
@Schema(name = "Health")
public record HealthResponse(
        @Schema(type = "string", example = "UP", allowableValues = {"UP", "DOWN"}) String status,
        @Schema(type = "string", example = "UP", allowableValues = {"UP", "DOWN"}) String database,
        @Schema(example = "0.1.0") String version,
        @Schema(description = "Seconds since this process started", example = "3600") long uptime,
        @Nullable @Schema(nullable = true, description = "The LLM's circuit breakers, in processes that run turns "
                + "(worker role); null elsewhere. Informational: never changes status or the HTTP status")
        LlmHealth llm) {
}
