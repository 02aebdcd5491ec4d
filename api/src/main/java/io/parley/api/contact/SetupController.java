package io.parley.api.contact;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.http.client.ClientAddress;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The API behind the public setup page: no login, the signed token in the path is the credential. @Secured here
 * takes precedence over the intercept-url-map rule that guards the rest of /api/**.
 */
@Controller("/api/v1/public/setup")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Setup page (public)")
@ProblemResponses.Anonymous
class SetupController {

    private final SetupService setup;
    private final ClientAddress clientAddress;

    SetupController(SetupService setup, ClientAddress clientAddress) {
        this.setup = setup;
        this.clientAddress = clientAddress;
    }

    @Get("/{token}")
    @ProblemResponses.NotFound
    @ProblemResponses.Forbidden
    @Operation(operationId = "getSetupPage", summary = "What the setup page shows", security = {},
            description = "401 invalid-token when the link is altered, unknown or expired (the detail says which); "
                    + "403 when the contact is blocked; limited per client IP (429 with Retry-After).")
    ContactWire.SetupPage view(@PathVariable String token, HttpRequest<?> request) {
        return setup.view(token, clientAddress.of(request));
    }

    @Post("/{token}")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Forbidden
    @Operation(operationId = "submitSetupPage", summary = "Save the setup page", security = {},
            description = "Same rules as PATCH /api/v1/contacts/{id} for `attributes` (a JSON merge patch) and "
                    + "`personaOverride`; answers what the page shows now.")
    ContactWire.SetupPage submit(@PathVariable String token, @Body @Valid ContactWire.SetupSubmission body,
                                 HttpRequest<?> request) {
        return setup.submit(token, body, MergePatch.of(request), clientAddress.of(request));
    }

    @Post("/{token}/access-code")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Forbidden
    @ProblemResponses.Unauthorized
    @Operation(operationId = "redeemSetupAccessCode", summary = "Redeem an access code on the setup page",
            security = {}, description = "When the contact's bot asks for an access code (accessCodeAsked): the "
                    + "same redemption as an answer in the chat (single use, expiry, revocation, grants). 400 on "
                    + "`code` when the code is refused or the bot asks for none; 429 while the contact is over the "
                    + "wrong-code limit (PARLEY_ACCESS_CODES_MAX_WRONG_ATTEMPTS per PARLEY_ACCESS_CODES_ATTEMPT_WINDOW) "
                    + "or the client IP over the setup page's limit. Answers the page as it is now.")
    ContactWire.SetupPage redeem(@PathVariable String token, @Body @Valid ContactWire.SetupAccessCodeRequest body,
                                 HttpRequest<?> request) {
        return setup.redeem(token, body, clientAddress.of(request));
    }
}
