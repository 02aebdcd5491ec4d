package io.parley.api.billing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Metered usage reported to Stripe and its reconciliation (docs/billing.md "Metered usage: Stripe meters"). */
@Controller("/api/v1/billing/meters")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Billing")
@ProblemResponses.Authenticated
class MeterStatusController {

    private final MeterStatusService meters;
    private final CallerResolver callers;

    MeterStatusController(MeterStatusService meters, CallerResolver callers) {
        this.meters = meters;
        this.callers = callers;
    }

    @Get
    @Operation(operationId = "getMeters", summary = "Metered usage reported to Stripe, per meter",
            description = "For each meter this Parley reports: whether the tenant's subscription is billed on it, what "
                    + "was sent this billing period, hours still waiting to be accepted, and the last comparison of the "
                    + "ledger with Stripe's meter summary (drift). Owners and admins only.")
    MeterWire.Meters get(Authentication authentication, HttpRequest<?> request) {
        return meters.read(callers.resolve(authentication, request));
    }
}
