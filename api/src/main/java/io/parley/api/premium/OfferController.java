package io.parley.api.premium;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Offers: a Stripe price of the tenant's account and the contact tier it sells (docs/billing.md). */
@Controller("/api/v1/premium/offers")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Premium tiers")
@ProblemResponses.Authenticated
class OfferController {

    private static final String PRICE_CHECK = " The price is checked in the connected Stripe account: 400 when it does "
            + "not exist or is not recurring, 409 without a connected account or when another offer sells it, 502 "
            + "when Stripe cannot be reached.";

    private final OfferService offers;
    private final CallerResolver callers;

    OfferController(OfferService offers, CallerResolver callers) {
        this.offers = offers;
        this.callers = callers;
    }

    @Get
    @Schema(name = "ContactOfferPage")
    @Operation(operationId = "listContactOffers", summary = "List offers, oldest first",
            description = "Every offer of the tenant (there are few; nextCursor is always null).")
    PageResponse<PremiumWire.OfferResponse> list(Authentication authentication, HttpRequest<?> request) {
        return new PageResponse<>(offers.list(callers.resolve(authentication, request)), null);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.Conflict
    @ApiResponse(responseCode = "502", ref = "#/components/responses/StripeUnavailable")
    @Operation(operationId = "createContactOffer", summary = "Create an offer (admin)", description = PRICE_CHECK)
    PremiumWire.OfferResponse create(@Body @Valid PremiumWire.OfferRequest body, Authentication authentication,
                                     HttpRequest<?> request) {
        return offers.create(callers.resolve(authentication, request), body);
    }

    @Get("/{offerId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getContactOffer", summary = "Get an offer",
            description = "One offer with its `{{checkoutUrl:<id>}}` placeholder. 404 for another tenant's offer.")
    PremiumWire.OfferResponse get(@PathVariable String offerId, Authentication authentication,
                                  HttpRequest<?> request) {
        return offers.get(callers.resolve(authentication, request), offerId);
    }

    @Patch("/{offerId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ApiResponse(responseCode = "502", ref = "#/components/responses/StripeUnavailable")
    @Operation(operationId = "updateContactOffer", summary = "Change an offer (admin)",
            description = "A JSON Merge Patch. Contacts already subscribed keep the tier they have until their "
                    + "subscription changes." + PRICE_CHECK)
    PremiumWire.OfferResponse update(@PathVariable String offerId, @Body @Valid PremiumWire.OfferPatch body,
                                     Authentication authentication, HttpRequest<?> request) {
        return offers.update(callers.resolve(authentication, request), offerId, body, MergePatch.of(request));
    }

    @Delete("/{offerId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteContactOffer", summary = "Delete an offer (admin)",
            description = "Its checkout links stop working (404); existing subscriptions in Stripe are not touched.")
    void delete(@PathVariable String offerId, Authentication authentication, HttpRequest<?> request) {
        offers.delete(callers.resolve(authentication, request), offerId);
    }
}
