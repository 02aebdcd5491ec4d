package io.parley.api.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The signed-in user's ways to sign in (linked providers, password), and the tenant's SSO requirement. */
@Controller("/api/v1")
@Requires(property = "parley.roles", pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Auth")
@ProblemResponses.Authenticated
class IdentityController {

    private final CallerResolver callers;
    private final Identities identities;

    IdentityController(CallerResolver callers, Identities identities) {
        this.callers = callers;
        this.identities = identities;
    }

    @Get("/auth/identities")
    @Operation(operationId = "listSignInMethods", summary = "How the signed-in user can sign in",
            description = "Linked provider accounts and whether the user has a password. Users only, not API keys.")
    Identities.SignInMethods list(Authentication authentication, HttpRequest<?> http) {
        return identities.list(callers.resolveUser(authentication, http));
    }

    @Delete("/auth/identities/{identityId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "unlinkSignInProvider", summary = "Unlink a provider account from the signed-in user",
            description = "409 when it is the last way to sign in (no password and no other provider); another "
                    + "user's identity is 404.")
    void unlink(@PathVariable String identityId, Authentication authentication, HttpRequest<?> http) {
        identities.unlink(callers.resolveUser(authentication, http), identityId);
    }

    @Get("/tenant/sign-in-policy")
    @Operation(operationId = "getSignInPolicy", summary = "Whether the active tenant requires SSO",
            description = "With ssoRequired, members cannot sign in with a password, only through a provider.")
    SignInPolicy policy(Authentication authentication, HttpRequest<?> http) {
        Caller caller = callers.resolve(authentication, http);
        return new SignInPolicy(identities.ssoRequired(caller));
    }

    @Put("/tenant/sign-in-policy")
    @ProblemResponses.JsonBody
    @ProblemResponses.Forbidden
    @ProblemResponses.Conflict
    @Operation(operationId = "setSignInPolicy", summary = "Require SSO for the tenant's members (owner)",
            description = "Owner only. Requiring SSO needs a linked provider on the owner's own account (409 "
                    + "otherwise), so the owner cannot lock themselves out. Audited.")
    SignInPolicy setPolicy(@Body @Valid SignInPolicy body, Authentication authentication, HttpRequest<?> http) {
        Caller caller = callers.resolve(authentication, http);
        return new SignInPolicy(identities.setSsoRequired(caller, body.ssoRequired()));
    }

    @Serdeable
    @Schema(name = "SignInPolicy")
    record SignInPolicy(@NotNull @Schema(requiredMode = REQUIRED,
            description = "Members must sign in through a provider; password sign-in is refused (403)")
                        Boolean ssoRequired) {
    }

    @Serdeable
    @Schema(name = "LinkedIdentity")
    record LinkedIdentity(@Schema(requiredMode = REQUIRED) String id,
                          @Schema(requiredMode = REQUIRED, example = "github") String provider,
                          @Schema(description = "The provider account's email when it gave one") String email,
                          @Schema(requiredMode = REQUIRED) Instant linkedAt, Instant lastUsedAt) {
    }
}
