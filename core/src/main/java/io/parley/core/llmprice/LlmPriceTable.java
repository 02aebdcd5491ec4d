package io.parley.core.llmprice;

import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The price a tenant pays for a model: its own price for the model when it set one, else the operator's. Call inside
 * the tenant's scope (the tenant's prices are under row-level security).
 */
@Singleton
public final class LlmPriceTable {

    private final LlmPriceCatalog operator;
    private final TenantLlmPriceRepository tenants;

    LlmPriceTable(LlmPriceCatalog operator, TenantLlmPriceRepository tenants) {
        this.operator = operator;
        this.tenants = tenants;
    }

    public Optional<LlmPrice> find(TenantId tenant, String model) {
        return tenants.find(tenant.value(), model).map(TenantLlmPriceRow::price).or(() -> operator.find(model));
    }

    /**
     * The cost of a call. A model without a price costs 0 and is flagged unpriced when the call used tokens (a call
     * that failed before any token costs nothing whatever the model).
     */
    public LlmCost cost(TenantId tenant, String model, int promptTokens, int completionTokens) {
        return find(tenant, model).map(price -> new LlmCost(price.costMicros(promptTokens, completionTokens), false))
                .orElseGet(() -> promptTokens + completionTokens > 0 ? new LlmCost(0, true) : LlmCost.FREE);
    }
}
