package io.parley.api.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
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
import io.parley.core.ServerRoles;
import io.parley.http.client.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Email verification and password reset (docs/identity.md "Email"). */
@Controller("/api/v1/auth")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Auth")
@ProblemResponses.Anonymous
class AccountEmailController {

    private final EmailVerification verification;
    private final PasswordReset reset;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final CallerResolver callers;

    AccountEmailController(EmailVerification verification, PasswordReset reset, LoginThrottle throttle,
                           ClientAddress clientAddress, CallerResolver callers) {
        this.verification = verification;
        this.reset = reset;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.callers = callers;
    }

    @Post("/verify-email")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.JsonBody
    @ProblemResponses.Unauthorized
    @Operation(operationId = "verifyEmail", summary = "Verify the email address with the emailed token",
            description = "The token of the link mailed at sign-up (or resent) works once and expires; 401 "
                    + "invalid-token otherwise. Needs no sign-in: the token is the proof.", security = {})
    void verify(@Body @Valid AuthRequests.VerifyEmail request, HttpRequest<?> http) {
        throttle.checkIp(clientAddress.of(http));
        verification.verify(request.token());
    }

    @Post("/verify-email/resend")
    @Status(HttpStatus.ACCEPTED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ProblemResponses.Authenticated
    @ProblemResponses.Conflict
    @Operation(operationId = "resendVerificationEmail", summary = "Email a new verification link",
            description = "To the signed-in user's address; earlier links keep working until they expire. 409 when "
                    + "the address is already verified; limited per user per hour (429). Users only, not API keys.",
            security = @SecurityRequirement(name = "bearer"))
    void resend(Authentication authentication, HttpRequest<?> http) {
        verification.resend(callers.resolveUser(authentication, http));
    }

    @Post("/forgot-password")
    @Status(HttpStatus.ACCEPTED)
    @ProblemResponses.JsonBody
    @Operation(operationId = "requestPasswordReset", summary = "Email a password-reset link",
            description = "Always 202, whether or not the address has an account (nothing is revealed); only an "
                    + "account's address gets an email. Limited per client IP and per address (429).", security = {})
    void forgot(@Body @Valid AuthRequests.ForgotPassword request, HttpRequest<?> http) {
        throttle.checkIp(clientAddress.of(http));
        reset.request(request.email());
    }

    @Post("/reset-password")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.JsonBody
    @ProblemResponses.Unauthorized
    @Operation(operationId = "resetPassword", summary = "Set a new password with the emailed token",
            description = "The password rules are sign-up's. The token works once and expires (401 invalid-token "
                    + "otherwise); every session of the user ends, so sign in again with the new password.",
            security = {})
    void reset(@Body @Valid AuthRequests.ResetPassword request, HttpRequest<?> http) {
        throttle.checkIp(clientAddress.of(http));
        reset.reset(request.token(), request.password());
    }
}
