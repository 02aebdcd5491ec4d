package io.parley.core.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A subscription plan and its limits; null means unlimited. */
@MappedEntity("plans")
public record PlanRow(@Id String id, String name, @Nullable Integer maxBots, @Nullable Integer maxChannels,
                      @Nullable Integer maxMessagesPerMonth, @Nullable Long monthlyLlmBudgetMicros, int sortOrder,
                      @Nullable String stripePriceId) {
}
