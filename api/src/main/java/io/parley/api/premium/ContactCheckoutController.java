package io.parley.api.premium;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A contact's checkout links and its subscriptions in the tenant's Stripe account (docs/billing.md). */
@Controller("/api/v1/contacts/{contactId}")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Premium tiers")
@ProblemResponses.Authenticated
class ContactCheckoutController {

    private final ContactCheckoutService checkout;
    private final CallerResolver callers;

    ContactCheckoutController(ContactCheckoutService checkout, CallerResolver callers) {
        this.checkout = checkout;
        this.callers = callers;
    }

    @Post("/checkout-links")
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "createCheckoutLink", summary = "Create a checkout link for a contact (agent)",
            description = "Parley's link for this contact and offer, valid 30 days. Opening it creates a Stripe "
                    + "Checkout Session (mode subscription) in the tenant's Stripe account and redirects there; when "
                    + "the contact pays, the offer's tier is set on the contact. 404 for an unknown contact or offer; "
                    + "409 when the contact is blocked or no Stripe account is connected.")
    PremiumWire.CheckoutLinkResponse create(@PathVariable String contactId,
                                            @Body @Valid PremiumWire.CheckoutLinkRequest body,
                                            Authentication authentication, HttpRequest<?> request) {
        return checkout.createLink(callers.resolve(authentication, request), contactId, body.offerId());
    }

    @Get("/subscriptions")
    @ProblemResponses.NotFound
    @Schema(name = "ContactSubscriptionPage")
    @Operation(operationId = "listContactSubscriptions", summary = "A contact's subscriptions",
            description = "The contact's subscriptions in the tenant's Stripe account, newest change first, as Stripe "
                    + "last reported them (nextCursor is always null).")
    PageResponse<PremiumWire.SubscriptionResponse> subscriptions(@PathVariable String contactId,
                                                                 Authentication authentication,
                                                                 HttpRequest<?> request) {
        return new PageResponse<>(checkout.subscriptions(callers.resolve(authentication, request), contactId), null);
    }
}
