package io.parley.worker.llm;

import io.parley.core.llmprice.LlmCost;
import io.parley.core.llmprice.LlmPrice;
import io.parley.core.llmprice.LlmPriceCatalog;
import io.parley.core.llmprice.LlmPriceTable;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

/**
 * Turns token counts into cost for the turn path, from the price table (docs/billing.md "The LLM price table"): the
 * tenant's own price of the model, else the operator's ({@code parley.llm.prices.*}). A model with neither is
 * <em>unpriced</em>: its calls cost 0 and are flagged in llm_usage, never silently free.
 */
@Singleton
public final class LlmPrices {

    private final LlmPriceCatalog operator;
    private final LlmPriceTable table;
    private final TenantScope scope;

    LlmPrices(LlmPriceCatalog operator, LlmPriceTable table, TenantScope scope) {
        this.operator = operator;
        this.table = table;
        this.scope = scope;
    }

    /**
     * The call's cost for this tenant, reading its own prices in a short read transaction of its scope; a call that
     * used no token (it failed first) costs nothing whatever the model, without a read.
     */
    public LlmCost cost(TenantId tenant, String model, int promptTokens, int completionTokens) {
        if (promptTokens + completionTokens == 0) {
            return LlmCost.FREE;
        }
        return scope.read(tenant, () -> table.cost(tenant, model, promptTokens, completionTokens));
    }

    /**
     * The operator's price of a call, in micro-USD, without the tenant's own prices and without a database read (an
     * estimate, e.g. before a call); 0 for a model the operator did not price — use {@link #cost} to know that.
     */
    public long costMicros(String model, int promptTokens, int completionTokens) {
        return operator.find(model).map(price -> price.costMicros(promptTokens, completionTokens)).orElse(0L);
    }

    /** The operator's price of a model, if any. */
    public java.util.Optional<LlmPrice> operatorPrice(String model) {
        return operator.find(model);
    }
}
