package io.parley.api.apikey;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.parley.api.page.Cursor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.auth.EmailVerificationPolicy;
import io.parley.api.caller.Caller;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Tenant API keys (admin). */
@Controller("/api/v1/api-keys")
@Requires(property = "parley.roles", pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "API keys")
@ProblemResponses.Authenticated
class ApiKeyController {

    private final ApiKeyService keys;
    private final CallerResolver callers;
    private final EmailVerificationPolicy verification;

    ApiKeyController(ApiKeyService keys, CallerResolver callers, EmailVerificationPolicy verification) {
        this.verification = verification;
        this.keys = keys;
        this.callers = callers;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "The secret `key` is in this response only; store it now. 403 until the user's email is "
                    + "verified (docs/identity.md).")
    ApiKeyWire.ApiKeyResponse create(@Body @Valid ApiKeyWire.Create body, Authentication authentication,
                                     HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        verification.require(caller);
        return keys.create(caller, body);
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "ApiKeyPage")
    @Operation(operationId = "listApiKeys", summary = "List API keys (newest first; secrets are never shown)",
            description = "Every key of the tenant with its role, hint and last use; secrets are never shown.")
    PageResponse<ApiKeyWire.ApiKeyResponse> list(@Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                                 @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                                 Authentication authentication, HttpRequest<?> request) {
        return keys.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Get("/{keyId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getApiKey", summary = "Get an API key",
            description = "One key with its role, hint and last use.")
    ApiKeyWire.ApiKeyResponse get(@PathVariable String keyId, Authentication authentication, HttpRequest<?> request) {
        return keys.get(callers.resolve(authentication, request), keyId);
    }

    @Delete("/{keyId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key; it stops working at once",
            description = "Calls with the key are refused (401) from now on.")
    void revoke(@PathVariable String keyId, Authentication authentication, HttpRequest<?> request) {
        keys.revoke(callers.resolve(authentication, request), keyId);
    }
}
