package io.parley.api.billing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The usage ledger of a month (docs/billing.md "The usage ledger"); works without Stripe. */
@Controller("/api/v1/billing/usage")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Billing")
@ProblemResponses.Authenticated
class UsageLedgerController {

    private final UsageLedgerService ledger;
    private final CallerResolver callers;

    UsageLedgerController(UsageLedgerService ledger, CallerResolver callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Operation(operationId = "getUsageLedger", summary = "The usage ledger of a month, per bot and channel",
            description = "Answered messages, LLM calls, tokens and LLM cost (micro-USD) of a calendar month in UTC, "
                    + "in total, per bot and per channel, and the models called without a price (their cost is "
                    + "unknown and not in the sums). Answers without Stripe too. Owners and admins only.")
    UsageLedgerWire.Ledger get(@Parameter(description = "The month, YYYY-MM (UTC); this month when absent",
                                          example = "2026-12") @Nullable @QueryValue String period,
                               Authentication authentication, HttpRequest<?> request) {
        return ledger.read(callers.resolve(authentication, request), period);
    }
}
