package io.parley.core.usage;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A model called without a price in a period, with what those calls used ({@link UsageLedgerRepository}). */
@MappedEntity("unpriced_model")
public record UnpricedModel(@Id String model, long calls, long promptTokens, long completionTokens,
                            Instant lastUsedAt) {
}
