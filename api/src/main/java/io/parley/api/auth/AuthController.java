package io.parley.api.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.tenancy.UserId;
import io.parley.http.client.ClientAddress;
import io.parley.http.language.ProblemLanguage;
import io.parley.core.ServerRoles;
import io.micronaut.context.annotation.Requires;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Sign-up, sign-in and session endpoints. */
@Controller("/api/v1/auth")
@Requires(property = "parley.roles", pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Auth")
@ProblemResponses.Anonymous
class AuthController {

    private final AuthService auth;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final CallerResolver callers;
    private final EmailVerification verification;

    AuthController(AuthService auth, LoginThrottle throttle, ClientAddress clientAddress, CallerResolver callers,
                   EmailVerification verification) {
        this.verification = verification;
        this.auth = auth;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.callers = callers;
    }

    @Post("/signup")
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.Conflict
    @Operation(operationId = "signup", summary = "Create an account and its first tenant",
            description = "Signs the new user in: the answer is a token pair. 409 when the email is taken. A link to "
                    + "verify the address is emailed (in the language of Accept-Language, also the account's language "
                    + "for later emails); until it is opened, invitations, billing changes and API keys answer 403.",
            security = {})
    TokenResponse signup(@Body @Valid AuthRequests.Signup request, HttpRequest<?> http) {
        String ip = clientAddress.of(http);
        throttle.check(ip, request.email());
        TokenResponse tokens = auth.signup(request, ip,
                ProblemLanguage.negotiate(http.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)).tag());
        verification.start(new UserId(java.util.UUID.fromString(tokens.user().id())));
        return tokens;
    }

    @Post("/login")
    @ProblemResponses.JsonBody
    @ProblemResponses.Unauthorized
    @Operation(operationId = "login", summary = "Sign in with email and password",
            description = "Attempts are limited per IP and per email; over the limit the answer is 429 with Retry-After.",
            security = {})
    TokenResponse login(@Body @Valid AuthRequests.Login request, HttpRequest<?> http) {
        throttle.check(clientAddress.of(http), request.email());
        return auth.login(request);
    }

    @Post("/refresh")
    @ProblemResponses.JsonBody
    @ProblemResponses.Unauthorized
    @Operation(operationId = "refreshTokens", summary = "Exchange a refresh token for a new token pair (rotation)",
            description = "Each refresh token works once. Re-using a spent one revokes the whole session.", security = {})
    TokenResponse refresh(@Body @Valid AuthRequests.Refresh request) {
        return auth.refresh(request.refreshToken());
    }

    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.JsonBody
    @Operation(operationId = "logout", summary = "End the session of a refresh token",
            description = "The refresh token and the tokens rotated from it stop working; access tokens already issued "
            + "expire on their own (15 minutes).", security = {})
    void logout(@Body @Valid AuthRequests.Refresh request) {
        auth.logout(request.refreshToken());
    }

    @Post("/switch-tenant")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.Authenticated
    @Operation(operationId = "switchTenant", summary = "Act in another tenant you belong to",
            description = "Answers a new token pair whose access token names the other tenant; the refresh token "
                    + "sent is spent. Users only, not API keys.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<TokenResponse> switchTenant(@Body @Valid AuthRequests.SwitchTenant request,
                                             Authentication authentication, HttpRequest<?> http) {
        var caller = callers.resolveUser(authentication, http);
        return HttpResponse.ok(auth.switchTenant(caller, request.tenantId(), request.refreshToken()));
    }
}
