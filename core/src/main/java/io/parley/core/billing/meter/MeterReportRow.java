package io.parley.core.billing.meter;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One hour of one meter for one tenant, as reported (or still to report) to Stripe (V61). */
@MappedEntity("meter_reports")
public record MeterReportRow(UUID tenantId, String eventName, @Id Instant bucketStart, long value, String identifier,
                             String customerId, int attempts, Instant createdAt, @Nullable Instant reportedAt) {
}
