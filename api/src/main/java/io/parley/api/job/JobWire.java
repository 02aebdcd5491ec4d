package io.parley.api.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of the jobs API. */
final class JobWire {

    private JobWire() {
    }

    @Serdeable
    @Schema(name = "Job", description = "A background job of the tenant (an inbound turn, an outbound send, …)")
    record JobResponse(
            @Schema(requiredMode = REQUIRED,
                    description = "Opaque id (digits, but treat it as a string)", example = "81234") String id,
            @Schema(requiredMode = REQUIRED, example = "inbound.turn") String kind,
            @Schema(requiredMode = REQUIRED,
                    allowableValues = {"available", "running", "retryable", "completed", "discarded", "cancelled"},
                    example = "discarded") String state,
            @Schema(requiredMode = REQUIRED, description = "Attempts made so far", example = "10") int attempt,
            @Schema(requiredMode = REQUIRED, example = "10") int maxAttempts,
            @Schema(requiredMode = REQUIRED, description = "Higher runs first", example = "0") int priority,
            @Schema(requiredMode = REQUIRED,
                    description = "The job's arguments: ids of what it works on; credentials are redacted",
                    example = "{\"eventId\": \"0199a3c4-…\"}") Map<String, Object> args,
            @Schema(requiredMode = REQUIRED, description = "When it runs next (or ran)") Instant scheduledAt,
            @Nullable Instant attemptedAt,
            @Nullable @Schema(description = "When it completed or was discarded") Instant finalizedAt,
            @Schema(requiredMode = REQUIRED,
                    description = "One entry per failed attempt, oldest first") List<JobError> errors,
            Instant createdAt) {
    }

    @Serdeable
    @Schema(name = "JobError")
    record JobError(@Nullable Instant at, int attempt,
                    @Schema(requiredMode = REQUIRED,
                            example = "java.net.http.HttpTimeoutException: request timed out") String error) {
    }
}
