package io.parley.core.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.util.List;

/**
 * A subscription plan and its limits; null means unlimited. Written from the configuration (parley.plans.*) at
 * start-up; {@code stripePriceId} is the price a checkout sells, {@code stripePriceIds} every price that means this
 * plan on a subscription (the current one first, then older ones still billed).
 */
@MappedEntity("plans")
public record PlanRow(@Id String id, String name, @Nullable Integer maxBots, @Nullable Integer maxChannels,
                      @Nullable Integer maxMessagesPerMonth, @Nullable Long monthlyLlmBudgetMicros, int sortOrder,
                      @Nullable String stripePriceId, @Nullable Integer maxMembers, long monthlyPriceCents,
                      String currency, @TypeDef(type = DataType.STRING_ARRAY) String[] stripePriceIds,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] features, boolean listed) {

    public List<String> priceIds() {
        return stripePriceIds == null ? List.of() : List.of(stripePriceIds);
    }

    public List<String> featureList() {
        return features == null ? List.of() : List.of(features);
    }
}
