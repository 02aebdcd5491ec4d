package io.parley.api.budget;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * LLM budgets a tenant sets on top of its plan (docs/billing.md#budgets-and-hard-caps): the tenant's own and one per
 * bot. Owners and admins only; they work whether or not Stripe is configured.
 */
@Controller("/api/v1")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Billing")
@ProblemResponses.Authenticated
class BudgetController {

    private static final String WHAT = " Limits are in micro-USD per UTC month and day; alerts notify owners and "
            + "admins once per threshold per period; with hardCap no LLM call starts at a limit and the bot answers "
            + "as atCap says. Owners and admins only.";
    private static final String PATCH = " A JSON Merge Patch (RFC 7396): members left out keep their value, null "
            + "removes a limit (or puts a setting back to its default). Audited as billing.budget.updated.";

    private final BudgetService budgets;
    private final CallerResolver callers;

    BudgetController(BudgetService budgets, CallerResolver callers) {
        this.budgets = budgets;
        this.callers = callers;
    }

    @Get("/billing/budget")
    @Operation(operationId = "getTenantBudget", summary = "The tenant's LLM budget and what it spent",
            description = "What every bot of the tenant spends together." + WHAT)
    BudgetWire.BudgetResponse getTenant(Authentication authentication, HttpRequest<?> request) {
        return budgets.get(callers.resolve(authentication, request), null);
    }

    @Patch("/billing/budget")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @Operation(operationId = "updateTenantBudget", summary = "Change the tenant's LLM budget",
            description = "What every bot of the tenant spends together." + WHAT + PATCH)
    BudgetWire.BudgetResponse updateTenant(@Body @Valid BudgetWire.BudgetRequest body,
                                           Authentication authentication, HttpRequest<?> request) {
        return budgets.update(callers.resolve(authentication, request), null, body, MergePatch.of(request));
    }

    @Get("/bots/{botId}/budget")
    @ProblemResponses.NotFound
    @Operation(operationId = "getBotBudget", summary = "A bot's LLM budget and what it spent",
            description = "What this bot spends, on top of the tenant's budget (both apply)." + WHAT)
    BudgetWire.BudgetResponse getBot(@PathVariable String botId, Authentication authentication,
                                     HttpRequest<?> request) {
        return budgets.get(callers.resolve(authentication, request), botId);
    }

    @Patch("/bots/{botId}/budget")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "updateBotBudget", summary = "Change a bot's LLM budget",
            description = "What this bot spends, on top of the tenant's budget (both apply)." + WHAT + PATCH)
    BudgetWire.BudgetResponse updateBot(@PathVariable String botId, @Body @Valid BudgetWire.BudgetRequest body,
                                        Authentication authentication, HttpRequest<?> request) {
        return budgets.update(callers.resolve(authentication, request), botId, body, MergePatch.of(request));
    }
}
