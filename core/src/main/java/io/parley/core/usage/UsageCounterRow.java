package io.parley.core.usage;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** A tenant's usage in one month ({@link UsagePeriod}): answered turns and LLM cost in micro-USD. */
@MappedEntity("usage_counters")
public record UsageCounterRow(UUID tenantId, @Id String period, int messages, long llmCostMicros) {

    public static UsageCounterRow empty(UUID tenantId, String period) {
        return new UsageCounterRow(tenantId, period, 0, 0);
    }
}
