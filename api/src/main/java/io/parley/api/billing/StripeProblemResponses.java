package io.parley.api.billing;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 502 stripe-unavailable: an operation that calls Stripe (checkout, plan change, portal). Billing's 503
 * (billing-not-configured) shares the 503 response every authenticated call lists (api/src/main/openapi/components.yml).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "502", ref = "#/components/responses/StripeUnavailable")
public @interface StripeProblemResponses {
}
