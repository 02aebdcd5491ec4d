package io.parley.http.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * Thrown by controllers and services for an expected failure; rendered as problem+json by
 * {@link ProblemExceptionHandler}. The detail is shown to the client: never put secrets or internals in it.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final HttpStatus status;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, kind.status(), detail, List.of(), Map.of());
    }

    public ProblemException(ProblemKind kind, HttpStatus status, String detail, List<Problem.FieldError> errors,
                            Map<String, String> headers) {
        super(detail, null, false, false);
        this.kind = kind;
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemKind.NOT_FOUND, what + " not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemKind.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemKind.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, field + ": " + message,
                List.of(new Problem.FieldError(field, message)), Map.of());
    }

    public static ProblemException rateLimited(long retryAfterSeconds, String detail) {
        return new ProblemException(ProblemKind.RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS, detail, List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public ProblemKind kind() {
        return kind;
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
