package io.parley.api.premium;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.http.client.ClientAddress;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;

/**
 * Where a contact's checkout link points: no login, the signed token is the credential. Each opening creates a
 * fresh Stripe Checkout Session and answers 303 to it (a session lives 24 hours; the link lives 30 days).
 *
 * <p>Hidden from the OpenAPI document, like the webhooks: it is a link a contact's browser opens, not an operation a
 * client calls, and its only success is a redirect (the document promises a 2XX for every operation). Documented in
 * docs/billing.md.
 */
@Controller("/api/v1/public/checkout")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Premium tiers")
@ProblemResponses.Anonymous
@Hidden
class PublicCheckoutController {

    private final ContactCheckoutService checkout;
    private final ClientAddress clientAddress;

    PublicCheckoutController(ContactCheckoutService checkout, ClientAddress clientAddress) {
        this.checkout = checkout;
        this.clientAddress = clientAddress;
    }

    @Get("/{token}")
    @ApiResponse(responseCode = "303", description = "To the Stripe Checkout page made for this contact and offer")
    @ProblemResponses.Unauthorized
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ApiResponse(responseCode = "502", ref = "#/components/responses/StripeUnavailable")
    @Operation(operationId = "openCheckoutLink", summary = "Open a contact's checkout link", security = {},
            description = "401 invalid-token when the link is altered or expired; 403 when the contact is blocked; "
                    + "404 when the offer or the Stripe account is gone; 409 when the contact already subscribes "
                    + "to the offer; limited per client IP (429 with Retry-After).")
    HttpResponse<?> open(@PathVariable String token, HttpRequest<?> request) {
        return HttpResponse.seeOther(URI.create(checkout.open(token, clientAddress.of(request))));
    }
}
