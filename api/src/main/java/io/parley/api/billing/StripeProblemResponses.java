package io.parley.api.billing;

import io.parley.http.problem.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The two problems only billing gives: Stripe unreachable (502) and no Stripe key on this Parley (503). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponses({
        @ApiResponse(responseCode = "502", description = "stripe-unavailable: Stripe could not be reached or refused",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(responseCode = "503", description = "billing-not-configured: this Parley has no Stripe key",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
})
@interface StripeProblemResponses {
}
