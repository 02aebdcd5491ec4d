package io.parley.core.llmprice;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A tenant's own price for one model (V60). */
@MappedEntity("tenant_llm_prices")
public record TenantLlmPriceRow(UUID tenantId, @Id String model, long inputPerMillion, long outputPerMillion,
                                Instant updatedAt) {

    public LlmPrice price() {
        return new LlmPrice(model, inputPerMillion, outputPerMillion, LlmPrice.Source.TENANT);
    }
}
