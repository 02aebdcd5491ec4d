package io.parley.api.premium;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The tenant's own Stripe account, with which it sells premium tiers to its contacts (docs/billing.md). */
@Controller("/api/v1/premium/stripe-account")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Premium tiers", description = "Tiers the tenant sells its own contacts through its own Stripe account")
@ProblemResponses.Authenticated
class ContactStripeAccountController {

    private final ContactStripeAccountService accounts;
    private final CallerResolver callers;

    ContactStripeAccountController(ContactStripeAccountService accounts, CallerResolver callers) {
        this.accounts = accounts;
        this.callers = callers;
    }

    @Get
    @Operation(operationId = "getContactStripeAccount", summary = "The connected Stripe account (admin)",
            description = "Whether a Stripe account is connected, the key's last 4 characters and the webhook URL to "
                    + "register in it. The key and the webhook secret are never returned.")
    PremiumWire.AccountResponse get(Authentication authentication, HttpRequest<?> request) {
        return accounts.get(callers.resolve(authentication, request));
    }

    @Put
    @ProblemResponses.JsonBody
    @ApiResponse(responseCode = "502", ref = "#/components/responses/StripeUnavailable")
    @Operation(operationId = "connectContactStripeAccount", summary = "Connect or replace the Stripe account (admin)",
            description = "Checks the key against Stripe (400 naming secretKey when Stripe refuses it, 502 when "
                    + "Stripe cannot be reached), then stores both secrets encrypted. Write-only: the answer carries "
                    + "only the key's last 4 characters.")
    PremiumWire.AccountResponse connect(@Body @Valid PremiumWire.AccountRequest body, Authentication authentication,
                                        HttpRequest<?> request) {
        return accounts.connect(callers.resolve(authentication, request), body);
    }

    @Delete
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "disconnectContactStripeAccount", summary = "Forget the Stripe account (admin)",
            description = "Deletes the stored key and webhook secret. Contacts keep their tiers; checkout links stop "
                    + "working and the webhook answers 400 until an account is connected again.")
    void disconnect(Authentication authentication, HttpRequest<?> request) {
        accounts.disconnect(callers.resolve(authentication, request));
    }
}
