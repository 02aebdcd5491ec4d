package io.parley.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every 4xx/5xx response ({@code application/problem+json}).
 * {@code type} is a stable URI per kind of problem (see docs/api/problems.md); {@code errors} lists field errors.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://parley.dev/problems/validation-failed") String type,
        @Schema(example = "Validation failed") String title,
        @Schema(example = "400") int status,
        @Nullable @Schema(example = "password: must be at least 10 characters") String detail,
        @Nullable @Schema(example = "/api/v1/auth/signup") String instance,
        @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://parley.dev/problems/";

    /** One invalid field: a JSON path-like name and what is wrong with it. */
    @Serdeable
    public record FieldError(@Schema(example = "password") String field,
                             @Schema(example = "must be at least 10 characters") String message) {
    }
}
