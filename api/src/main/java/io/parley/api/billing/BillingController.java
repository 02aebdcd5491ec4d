package io.parley.api.billing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.auth.EmailVerificationPolicy;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The tenant's plan, subscription, usage and invoices; checkout, plan changes and the Stripe portal (docs/billing.md). */
@Controller("/api/v1/billing")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Billing", description = "The tenant's subscription to Parley, paid through Stripe")
@ProblemResponses.Authenticated
class BillingController {

    private static final String ADMIN_AND_STRIPE = " Owners and admins only (with a verified email to change "
            + "anything). 503 billing-not-configured when this "
            + "Parley has no Stripe key; 502 stripe-unavailable when Stripe cannot be reached.";

    private final BillingService billing;
    private final CallerResolver callers;
    private final EmailVerificationPolicy verification;

    BillingController(BillingService billing, CallerResolver callers, EmailVerificationPolicy verification) {
        this.verification = verification;
        this.billing = billing;
        this.callers = callers;
    }

    @Get
    @Operation(operationId = "getBilling", summary = "The plan in force, subscription, usage and invoices",
            description = "Usage counts this calendar month (UTC) against every limit of the plan in force; invoices "
                    + "come from Stripe and are null when Stripe cannot be reached." + ADMIN_AND_STRIPE)
    BillingWire.BillingResponse get(Authentication authentication, HttpRequest<?> request) {
        return billing.describe(callers.resolve(authentication, request));
    }

    @Post("/checkout")
    @ProblemResponses.JsonBody
    @ProblemResponses.Conflict
    @StripeProblemResponses
    @Operation(operationId = "createCheckoutSession", summary = "Start a subscription with Stripe Checkout",
            description = "Returns the URL of a Stripe Checkout Session (mode subscription) for the plan; the browser "
                    + "comes back to the dashboard's billing page. 409 when the tenant already has a subscription: "
                    + "change its plan instead." + ADMIN_AND_STRIPE)
    BillingWire.RedirectUrl checkout(@Body @Valid BillingWire.ChoosePlan body, Authentication authentication,
                                     HttpRequest<?> request) {
        return billing.checkout(verified(authentication, request), body.planId());
    }

    @Post("/subscription")
    @ProblemResponses.JsonBody
    @ProblemResponses.Conflict
    @StripeProblemResponses
    @Operation(operationId = "changeSubscription", summary = "Change the subscription's plan",
            description = "Moves the existing subscription to the plan's price, prorated by Stripe, and returns the "
                    + "billing state. 409 when there is no subscription: use checkout." + ADMIN_AND_STRIPE)
    BillingWire.BillingResponse change(@Body @Valid BillingWire.ChoosePlan body, Authentication authentication,
                                       HttpRequest<?> request) {
        return billing.changePlan(verified(authentication, request), body.planId());
    }

    @Post("/portal")
    @StripeProblemResponses
    @Operation(operationId = "createPortalSession", summary = "Open the Stripe customer portal",
            description = "Returns the URL of a Stripe Customer Portal session (payment methods, invoices, "
                    + "cancellation) that returns to the dashboard." + ADMIN_AND_STRIPE)
    BillingWire.RedirectUrl portal(Authentication authentication, HttpRequest<?> request) {
        return billing.portal(verified(authentication, request));
    }

    /** Billing changes need a verified email (403 otherwise; docs/identity.md "Email"). */
    private Caller verified(Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        verification.require(caller);
        return caller;
    }
}
