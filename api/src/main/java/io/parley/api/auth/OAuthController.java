package io.parley.api.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.http.client.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Sign-in with OAuth 2.0 / OpenID Connect providers (docs/identity.md). */
@Controller("/api/v1/auth/oauth")
@Requires(property = "parley.roles", pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Auth")
@ProblemResponses.Anonymous
class OAuthController {

    static final String COOKIE = "parley_oauth";

    private final OAuthSignIn signIn;
    private final SignInProviders providers;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final CallerResolver callers;

    OAuthController(OAuthSignIn signIn, SignInProviders providers, LoginThrottle throttle, ClientAddress clientAddress,
                    CallerResolver callers) {
        this.signIn = signIn;
        this.providers = providers;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.callers = callers;
    }

    @Get("/providers")
    @Operation(operationId = "listSignInProviders", summary = "The sign-in providers this Parley offers",
            description = "Public: the dashboard shows a \"Sign in with …\" button for each.", security = {})
    ProviderList providers() {
        return new ProviderList(providers.all().stream()
                .map(p -> new ProviderView(p.settings().id(), p.settings().label())).toList());
    }

    @Get("/{provider}/start")
    @ProblemResponses.NotFound
    @ProblemResponses.ProviderUnreachable
    @ApiResponse(responseCode = "302", description = "To the provider's authorization page")
    @Operation(operationId = "startProviderSignIn", summary = "Start signing in with a provider (browser redirect)",
            description = "Redirects to the provider (authorization code + PKCE, with state and nonce) and sets a "
                    + "short-lived HttpOnly cookie binding the attempt to this browser.", security = {})
    MutableHttpResponse<?> start(@PathVariable String provider, HttpRequest<?> http) {
        throttle.checkIp(clientAddress.of(http));
        OAuthSignIn.Start start = signIn.start(provider, null);
        return found(start.authorizationUrl()).cookie(bindingCookie(start));
    }

    @Post("/{provider}/link")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ProblemResponses.Authenticated
    @ProblemResponses.NotFound
    @ProblemResponses.ProviderUnreachable
    @Operation(operationId = "startProviderLink", summary = "Start linking a provider account to the signed-in user",
            description = "Answers the provider URL to open in this browser (and sets the binding cookie); after the "
                    + "provider the dashboard shows /auth/callback#linked=<provider> or #error=<reason>.",
            security = @SecurityRequirement(name = "bearer"))
    MutableHttpResponse<LinkStart> link(@PathVariable String provider, Authentication authentication,
                                        HttpRequest<?> http) {
        OAuthSignIn.Start start = signIn.start(provider, callers.resolveUser(authentication, http));
        return HttpResponse.ok(new LinkStart(start.authorizationUrl())).cookie(bindingCookie(start));
    }

    @Get("/{provider}/callback")
    @ApiResponse(responseCode = "302", description = "To the dashboard's /auth/callback with a one-time code (or an "
            + "error reason) in the URL fragment")
    @Operation(operationId = "finishProviderSignIn", summary = "The provider's redirect back (browser)",
            description = "Checks the state (single use, this browser's), exchanges the code with the PKCE verifier, "
                    + "verifies the ID token (signature, issuer, audience, expiry, nonce) and redirects to the "
                    + "dashboard. Failures redirect too, with #error=state|id_token|email_not_verified|provider|denied|"
                    + "already_linked.", security = {})
    MutableHttpResponse<?> callback(@PathVariable String provider, @Nullable @QueryValue String code,
                                    @Nullable @QueryValue String state, @Nullable @QueryValue String error,
                                    @Nullable @CookieValue(COOKIE) String browser) {
        String target = signIn.callback(provider, code, state, browser, error);
        return found(target)
                .cookie(Cookie.of(COOKIE, "").path("/api/v1/auth/oauth").maxAge(0).httpOnly(true));
    }

    @Post("/exchange")
    @ProblemResponses.JsonBody
    @ProblemResponses.Unauthorized
    @Operation(operationId = "exchangeSignInCode", summary = "Exchange the callback's one-time code for tokens",
            description = "The code from /auth/callback#code=… works once, within 60 seconds.", security = {})
    TokenResponse exchange(@Body @Valid ExchangeRequest request, HttpRequest<?> http) {
        throttle.checkIp(clientAddress.of(http));
        return signIn.exchange(request.code());
    }

    /** 302 Found: a one-off redirect (HttpResponse.redirect answers 301, which browsers cache). */
    private static MutableHttpResponse<?> found(String location) {
        return HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private Cookie bindingCookie(OAuthSignIn.Start start) {
        return Cookie.of(COOKIE, start.browserSecret()).path("/api/v1/auth/oauth").httpOnly(true)
                .secure(signIn.secureCookies()).sameSite(SameSite.Lax)
                .maxAge(OAuthSignIn.ATTEMPT_LIFETIME.toSeconds());
    }

    @Serdeable
    @Schema(name = "SignInProviderList")
    record ProviderList(@Schema(requiredMode = REQUIRED) List<ProviderView> items) {
    }

    @Serdeable
    @Schema(name = "SignInProvider")
    record ProviderView(@Schema(requiredMode = REQUIRED, example = "google") String id,
                        @Schema(requiredMode = REQUIRED, example = "Google") String name) {
    }

    @Serdeable
    @Schema(name = "ProviderLinkStart")
    record LinkStart(@Schema(requiredMode = REQUIRED,
            description = "The provider's authorization URL to open in this browser") String authorizationUrl) {
    }

    @Serdeable
    @Schema(name = "ExchangeSignInCodeRequest")
    record ExchangeRequest(@NotBlank @Size(max = 200) String code) {
        @Override
        public String toString() {
            return "ExchangeRequest[***]";
        }
    }
}
