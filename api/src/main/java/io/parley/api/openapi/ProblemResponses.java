package io.parley.api.openapi;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem+json error responses an operation lists in the OpenAPI document, by what can really happen to it. Each
 * refers to a response of api/src/main/openapi/components.yml. A controller carries {@link Authenticated} (or
 * {@link Anonymous}); each operation adds what its own inputs and rules can give: {@link JsonBody} when it reads a
 * body, {@link BadRequest} for query parameters, {@link NotFound} for ids in the path, and the rest by its service's
 * rules. 405 is not listed: no documented operation answers it (only methods a path does not document do).
 */
public final class ProblemResponses {

    private static final String RESPONSES = "#/components/responses/";

    private ProblemResponses() {
    }

    /** What every call with a credential can get: 401, 403 (role, or no longer a member), 406, 429, 503. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "401", ref = RESPONSES + "Unauthorized")
    @ApiResponse(responseCode = "403", ref = RESPONSES + "Forbidden")
    @ApiResponse(responseCode = "406", ref = RESPONSES + "NotAcceptable")
    @ApiResponse(responseCode = "429", ref = RESPONSES + "TooManyRequests")
    @ApiResponse(responseCode = "503", ref = RESPONSES + "ServiceUnavailable")
    public @interface Authenticated {
    }

    /** What every call without a credential can get: 406, 429 (per client IP), 503. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "406", ref = RESPONSES + "NotAcceptable")
    @ApiResponse(responseCode = "429", ref = RESPONSES + "TooManyRequests")
    @ApiResponse(responseCode = "503", ref = RESPONSES + "ServiceUnavailable")
    public @interface Anonymous {
    }

    /** An operation that reads a JSON body: 400 (malformed or invalid), 413, 415. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", ref = RESPONSES + "BadRequest")
    @ApiResponse(responseCode = "413", ref = RESPONSES + "PayloadTooLarge")
    @ApiResponse(responseCode = "415", ref = RESPONSES + "UnsupportedMediaType")
    public @interface JsonBody {
    }

    /** An operation that reads a multipart/form-data upload: 400 (unreadable or invalid), 413, 415. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", ref = RESPONSES + "BadRequest")
    @ApiResponse(responseCode = "413", ref = RESPONSES + "PayloadTooLarge")
    @ApiResponse(responseCode = "415", ref = RESPONSES + "UnsupportedMediaType")
    public @interface Upload {
    }

    /** 400 for invalid query parameters (e.g. {@code limit} out of bounds, a forged {@code cursor}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", ref = RESPONSES + "BadRequest")
    public @interface BadRequest {
    }

    /** 401 from an operation without a bearer credential that checks one of its own (password, token). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "401", ref = RESPONSES + "Unauthorized")
    public @interface Unauthorized {
    }

    /** 403 from an operation without a bearer credential whose own rules can refuse. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "403", ref = RESPONSES + "Forbidden")
    public @interface Forbidden {
    }

    /** 402: the plan's limit on what this operation creates is reached. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "402", ref = RESPONSES + "PaymentRequired")
    public @interface PlanLimit {
    }

    /** 404: an id in the path names nothing in the caller's tenant. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", ref = RESPONSES + "NotFound")
    public @interface NotFound {
    }

    /** 409: the change conflicts with the current state (the operation's description says when). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "409", ref = RESPONSES + "Conflict")
    public @interface Conflict {
    }

    /** 502: the operation calls a messaging provider, which did not answer properly. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "502", ref = RESPONSES + "BadGateway")
    public @interface ProviderUnreachable {
    }
}
