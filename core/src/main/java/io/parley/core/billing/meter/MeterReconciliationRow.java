package io.parley.core.billing.meter;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** The last comparison of the ledger with Stripe's summary of a meter (V61); drift = ledger - Stripe. */
@MappedEntity("meter_reconciliations")
public record MeterReconciliationRow(UUID tenantId, @Id String eventName, Instant windowStart, Instant windowEnd,
                                     long ledgerValue, long stripeValue, long drift, Instant checkedAt) {
}
