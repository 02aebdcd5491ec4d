package io.parley.http.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns every error the framework produces (unknown route, malformed JSON, oversized body, failed validation,
 * unexpected exception) into RFC 9457 problem+json, replacing Micronaut's default JSON/HTML error bodies.
 * Micronaut's problem-json module was not used: it depends on Zalando's problem library and Jackson databind,
 * while Parley serializes with Micronaut Serde (compile-time, native-ready) and wants its own stable type URIs.
 * A 5xx never carries the exception's message: the client gets a reference that is in the server log.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);
    /** How long clients and providers should wait before retrying while the database is unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        int status = response.code();
        if (status == 500 && context.getRootCause().map(DatabaseOutage::isOutage).orElse(false)) {
            // A transient outage, not a bug: 503 tells clients and providers to retry.
            status = 503;
            response.status(status).header("Retry-After", RETRY_AFTER_SECONDS);
        }
        Problem problem = status >= 500 ? serverProblem(context, status) : clientProblem(context, status);
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static Problem serverProblem(ErrorContext context, int status) {
        ProblemKind kind = ProblemKind.forStatus(status);
        String reference = UUID.randomUUID().toString();
        Throwable cause = context.getRootCause().orElse(null);
        if (status == 503) {
            // An outage, not a bug: one line without a stack trace per request, the cause's message says which.
            LOG.warn("{} {} answered 503, database unavailable (reference {}): {}", context.getRequest().getMethodName(),
                    context.getRequest().getPath(), reference, cause == null ? "" : cause.toString());
        } else {
            LOG.error("{} {} failed with {} (reference {})", context.getRequest().getMethodName(),
                    context.getRequest().getPath(), status, reference, cause);
        }
        String detail = (status == 503 ? ProblemMessages.UNAVAILABLE : ProblemMessages.INTERNAL_ERROR) + " Reference "
                + reference;
        return new Problem(kind.type(), kind.title(), status, detail, context.getRequest().getPath(), null);
    }

    private static Problem clientProblem(ErrorContext context, int status) {
        String path = context.getRequest().getPath();
        Optional<Throwable> cause = context.getRootCause();
        if (status == 400 && cause.map(ProblemErrorResponseProcessor::isMalformedBody).orElse(false)) {
            ProblemKind kind = ProblemKind.MALFORMED_JSON;
            return new Problem(kind.type(), kind.title(), status, malformedDetail(cause.get()), path, null);
        }
        List<Problem.FieldError> fields = new ArrayList<>();
        if (cause.orElse(null) instanceof ConstraintViolationException violations) {
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                fields.add(new Problem.FieldError(fieldName(violation.getPropertyPath().toString()),
                        violation.getMessage()));
            }
            fields.sort(java.util.Comparator.comparing(Problem.FieldError::field));
        } else {
            for (Error error : context.getErrors()) {
                error.getPath().ifPresent(field -> fields.add(new Problem.FieldError(fieldName(field), error.getMessage())));
            }
        }
        if (status == 400 && !fields.isEmpty()) {
            ProblemKind kind = ProblemKind.VALIDATION_FAILED;
            String detail = String.join("; ", fields.stream().map(f -> f.field() + ": " + f.message()).toList());
            return new Problem(kind.type(), kind.title(), status, detail, path, fields);
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        return new Problem(kind.type(), kind.title(), status, detail(context, status), path, null);
    }

    private static String detail(ErrorContext context, int status) {
        HttpRequest<?> request = context.getRequest();
        if (status == 404) {
            return "Nothing here: " + request.getMethodName() + " " + request.getPath();
        }
        if (status == 401) {
            return "Send a valid access token or API key as 'Authorization: Bearer <token>'.";
        }
        List<String> messages = context.getErrors().stream().map(Error::getMessage).toList();
        return messages.isEmpty() ? null : String.join("; ", messages);
    }

    /** Bodies that fail to parse or bind (e.g. a string where an object belongs). */
    private static boolean isMalformedBody(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.contains("Json") || t instanceof ConversionErrorException) {
                return true;
            }
        }
        return false;
    }

    private static String malformedDetail(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConversionErrorException conversion) {
                return "Field '" + conversion.getArgument().getName() + "' has the wrong type or format.";
            }
        }
        return "The request body is not valid JSON for this endpoint.";
    }

    /** "signup.request.email" (method, parameter, field...) → "email". */
    private static String fieldName(String path) {
        String[] segments = path.split("\\.");
        return segments.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(segments, 2, segments.length))
                : segments[segments.length - 1];
    }
}
