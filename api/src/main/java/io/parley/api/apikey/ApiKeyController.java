package io.parley.api.apikey;

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
@ProblemResponses
class ApiKeyController {

    private final ApiKeyService keys;
    private final CallerResolver callers;

    ApiKeyController(ApiKeyService keys, CallerResolver callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create an API key", description = "The secret `key` is in this response only; store it now.")
    ApiKeyWire.ApiKeyResponse create(@Body @Valid ApiKeyWire.Create body, Authentication authentication,
                                     HttpRequest<?> request) {
        return keys.create(callers.resolve(authentication, request), body);
    }

    @Get
    @Operation(summary = "List API keys (newest first; secrets are never shown)")
    PageResponse<ApiKeyWire.ApiKeyResponse> list(@Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor,
                                                 Authentication authentication, HttpRequest<?> request) {
        return keys.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Get("/{keyId}")
    @Operation(summary = "Get an API key")
    ApiKeyWire.ApiKeyResponse get(@PathVariable String keyId, Authentication authentication, HttpRequest<?> request) {
        return keys.get(callers.resolve(authentication, request), keyId);
    }

    @Delete("/{keyId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key; it stops working at once")
    void revoke(@PathVariable String keyId, Authentication authentication, HttpRequest<?> request) {
        keys.revoke(callers.resolve(authentication, request), keyId);
    }
}
