package io.parley.api.llmprice;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The LLM price table: the operator's prices and the tenant's own (docs/billing.md "The LLM price table"). */
@Controller("/api/v1/llm-prices")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "LLM prices", description = "What each model's tokens cost this tenant")
@ProblemResponses.Authenticated
class LlmPriceController {

    private static final String MODEL = "The model's name as the LLM provider knows it; percent-encode a '/' as %2F";

    private final LlmPriceService prices;
    private final CallerResolver callers;

    LlmPriceController(LlmPriceService prices, CallerResolver callers) {
        this.prices = prices;
        this.callers = callers;
    }

    @Get
    @Operation(operationId = "getLlmPrices", summary = "The price table and the models used without a price",
            description = "Every price that applies to the tenant: its own, then the operator's for the other "
                    + "models; and the models called this month (UTC) without any price, whose calls are recorded "
                    + "with an unknown cost. Every role can read it.")
    LlmPriceWire.Table list(Authentication authentication, HttpRequest<?> request) {
        return prices.list(callers.resolve(authentication, request));
    }

    @Put("/{model}")
    @ProblemResponses.JsonBody
    @Operation(operationId = "setLlmPrice", summary = "Set the tenant's own price of a model",
            description = "Creates or replaces the tenant's price of the model; it wins over the operator's price "
                    + "for this tenant's calls from now on (earlier calls keep their cost). Owners and admins only.")
    LlmPriceWire.Price set(@Parameter(description = MODEL) @PathVariable String model,
                           @Body @Valid LlmPriceWire.SetPrice body, Authentication authentication,
                           HttpRequest<?> request) {
        return prices.set(callers.resolve(authentication, request), model, body);
    }

    @Delete("/{model}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteLlmPrice", summary = "Remove the tenant's own price of a model",
            description = "The operator's price (if any) applies again; without one the model is unpriced. 404 when "
                    + "the tenant has no price of its own for the model. Owners and admins only.")
    void remove(@Parameter(description = MODEL) @PathVariable String model, Authentication authentication,
                HttpRequest<?> request) {
        prices.remove(callers.resolve(authentication, request), model);
    }
}
