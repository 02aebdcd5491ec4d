package io.parley.http.problem;

import io.micronaut.http.HttpStatus;

/** The catalogue of problem types: a stable slug, its title and its usual status. */
public enum ProblemKind {
    BAD_REQUEST("bad-request", "Bad request", HttpStatus.BAD_REQUEST),
    MALFORMED_JSON("malformed-json", "Malformed JSON", HttpStatus.BAD_REQUEST),
    VALIDATION_FAILED("validation-failed", "Validation failed", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS("invalid-credentials", "Invalid credentials", HttpStatus.UNAUTHORIZED),
    INVALID_TOKEN("invalid-token", "Invalid or expired token", HttpStatus.UNAUTHORIZED),
    INVALID_SIGNATURE("invalid-signature", "Invalid webhook signature", HttpStatus.UNAUTHORIZED),
    PLAN_LIMIT_REACHED("plan-limit-reached", "Plan limit reached", HttpStatus.PAYMENT_REQUIRED),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR("internal-error", "Internal server error", HttpStatus.INTERNAL_SERVER_ERROR),
    PROVIDER_UNREACHABLE("provider-unreachable", "Provider unreachable", HttpStatus.BAD_GATEWAY),
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemKind(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String type() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The generic kind for a bare status code raised by the framework. */
    static ProblemKind forStatus(int code) {
        for (ProblemKind kind : values()) {
            if (kind.status.getCode() == code && kind != MALFORMED_JSON && kind != VALIDATION_FAILED
                    && kind != INVALID_CREDENTIALS && kind != INVALID_TOKEN && kind != INVALID_SIGNATURE
                    && kind != PLAN_LIMIT_REACHED
                    && kind != PROVIDER_UNREACHABLE) {
                return kind;
            }
        }
        return code >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
