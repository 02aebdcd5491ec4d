package io.parley.core.billing.meter;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One UTC hour of a tenant's usage ledger ({@link MeterLedgerRepository}); not a table. */
@MappedEntity("hourly_usage")
public record HourlyUsage(@Id Instant hour, long answeredMessages, long llmCalls, long promptTokens,
                          long completionTokens, long llmCostMicros) {
}
