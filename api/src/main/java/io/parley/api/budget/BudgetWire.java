package io.parley.api.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.budget.Budgets;
import io.parley.core.budget.LlmBudget;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of the LLM budgets (/api/v1/billing/budget and /api/v1/bots/{botId}/budget). */
final class BudgetWire {

    private BudgetWire() {
    }

    @Serdeable
    @Schema(name = "BudgetRequest", description = "A JSON Merge Patch (RFC 7396): members left out keep their value; "
            + "null removes a limit, the cap model or the cap message, and puts thresholds, hardCap and atCap back "
            + "to their defaults.")
    record BudgetRequest(
            @Nullable @Min(1) @Schema(description = "Micro-USD per UTC month; null: no monthly limit",
                    example = "10000000") Long monthlyLimitMicros,
            @Nullable @Min(1) @Schema(description = "Micro-USD per UTC day; null: no daily limit", example = "500000")
            Long dailyLimitMicros,
            @Nullable @Size(max = 10) @Schema(description = "Percentages of each limit that notify owners and admins, "
                    + "once per threshold per period; default [50, 80, 100]", example = "[50, 80, 100]")
            List<@Min(1) @Max(1000) Integer> alertThresholds,
            @Nullable @Schema(description = "Stop LLM calls at a limit (default true); false: alerts only")
            Boolean hardCap,
            @Nullable @Schema(type = "string", allowableValues = {"message", "cheaper_model", "flows_only"},
                    description = "What the bot does at the cap (default message)") String atCap,
            @Nullable @Size(min = 1, max = 200) @Schema(description = "The model used past the cap with "
                    + "cheaper_model, on the bot's LLM endpoint", example = "gpt-4o-mini") String capModel,
            @Nullable @Size(min = 1, max = 2000) @Schema(description = "Sent at the cap with message; default: a "
                    + "short apology") String capMessage) {
    }

    @Serdeable
    @Schema(name = "Budget")
    record BudgetResponse(
            @Nullable @Schema(description = "The bot's id; null for the tenant's budget") String botId,
            @Nullable @Schema(example = "10000000") Long monthlyLimitMicros,
            @Nullable @Schema(example = "500000") Long dailyLimitMicros,
            @Schema(requiredMode = REQUIRED, example = "[50, 80, 100]") List<Integer> alertThresholds,
            @Schema(requiredMode = REQUIRED) boolean hardCap,
            @Schema(requiredMode = REQUIRED, type = "string",
                    allowableValues = {"message", "cheaper_model", "flows_only"}) String atCap,
            @Nullable String capModel,
            @Nullable String capMessage,
            @Schema(requiredMode = REQUIRED, description = "LLM cost this UTC month, micro-USD",
                    example = "8123456") long spentThisMonthMicros,
            @Schema(requiredMode = REQUIRED, description = "LLM cost this UTC day, micro-USD", example = "120000")
            long spentTodayMicros) {

        static BudgetResponse of(Budgets.View view) {
            LlmBudget budget = view.budget();
            return new BudgetResponse(budget.botId() == null ? null : budget.botId().toString(),
                    budget.monthlyMicros(), budget.dailyMicros(), budget.thresholds(), budget.hardCap(),
                    budget.atCap().wireName(), budget.capModel(), budget.capMessage(), view.spentThisMonthMicros(),
                    view.spentTodayMicros());
        }
    }
}
