package io.parley.api.llmprice;

import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.llmprice.LlmPrice;
import io.parley.core.usage.UnpricedModel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The price table's requests and responses (docs/billing.md "The LLM price table"). */
public final class LlmPriceWire {

    /** $1,000,000 per million tokens: far above any real price, low enough that no cost can overflow. */
    static final long MAX_PER_MILLION = 1_000_000_000_000L;

    private LlmPriceWire() {
    }

    @Serdeable
    @Schema(name = "SetLlmPriceRequest", description = "A model's price for this tenant, in micro-USD per million "
            + "tokens (150000 = $0.15). 0 is a real price (a free or self-hosted model).")
    record SetPrice(
            @NotNull @Min(0) @Max(MAX_PER_MILLION) @Schema(requiredMode = REQUIRED, example = "150000")
            Long inputPerMillion,
            @NotNull @Min(0) @Max(MAX_PER_MILLION) @Schema(requiredMode = REQUIRED, example = "600000")
            Long outputPerMillion) {
    }

    @Serdeable
    @Schema(name = "LlmPrice")
    public record Price(
            @Schema(requiredMode = REQUIRED, example = "gpt-4o-mini") String model,
            @Schema(requiredMode = REQUIRED, description = "micro-USD per million input (prompt) tokens",
                    example = "150000") long inputPerMillion,
            @Schema(requiredMode = REQUIRED, description = "micro-USD per million output (completion) tokens",
                    example = "600000") long outputPerMillion,
            @Schema(requiredMode = REQUIRED, allowableValues = {"operator", "tenant"},
                    description = "operator: this Parley's default; tenant: the tenant's own, which wins for it")
            String source,
            @Schema(requiredMode = REQUIRED, description = "A tenant price that replaces an operator price of the "
                    + "same model") boolean overridesOperator) {

        static Price of(LlmPrice price, boolean overridesOperator) {
            return new Price(price.model(), price.inputPerMillion(), price.outputPerMillion(),
                    price.source().wireName(), overridesOperator);
        }
    }

    @Serdeable
    @Schema(name = "UnpricedModel", description = "A model called this period without a price: those calls' cost is "
            + "unknown (recorded as 0 and flagged), not free")
    public record Unpriced(
            @Schema(requiredMode = REQUIRED, example = "llama3:70b") String model,
            @Schema(requiredMode = REQUIRED, description = "Calls without a price this period") long calls,
            @Schema(requiredMode = REQUIRED) long inputTokens,
            @Schema(requiredMode = REQUIRED) long outputTokens,
            @Schema(requiredMode = REQUIRED) Instant lastUsedAt,
            @Schema(requiredMode = REQUIRED, description = "The model has a price now: later calls are costed; these "
                    + "stay uncosted") boolean pricedNow) {

        public static Unpriced of(UnpricedModel row, boolean pricedNow) {
            return new Unpriced(row.model(), row.calls(), row.promptTokens(), row.completionTokens(), row.lastUsedAt(),
                    pricedNow);
        }
    }

    @Serdeable
    @Schema(name = "LlmPriceTable", description = "The prices that apply to this tenant (its own, then the "
            + "operator's for the other models) and the models it called this month without a price")
    record Table(
            @Schema(requiredMode = REQUIRED, description = "The month of unpricedModels, UTC", example = "2026-12")
            String period,
            @Schema(requiredMode = REQUIRED, description = "Sorted by model") List<Price> prices,
            @Schema(requiredMode = REQUIRED) List<Unpriced> unpricedModels) {
    }
}
