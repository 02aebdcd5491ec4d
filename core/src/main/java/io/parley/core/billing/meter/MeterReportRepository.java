package io.parley.core.billing.meter;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** meter_reports (V61); call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeterReportRepository extends GenericRepository<MeterReportRow, Instant> {

    /** The end of the last hour written for the meter, to continue from. */
    @Query("SELECT max(bucket_start) FROM meter_reports WHERE tenant_id = :tenantId AND event_name = :eventName")
    Optional<Instant> lastBucket(UUID tenantId, String eventName);

    /** Writes an hour once: its value and identifier never change afterwards (a retry resends the same event). */
    @Query("""
            INSERT INTO meter_reports (tenant_id, event_name, bucket_start, value, identifier, customer_id)
            VALUES (:tenantId, :eventName, :bucketStart, :value, :identifier, :customerId) ON CONFLICT DO NOTHING""")
    void insertOnce(UUID tenantId, String eventName, Instant bucketStart, long value, String identifier,
                    String customerId);

    @Query("SELECT * FROM meter_reports WHERE tenant_id = :tenantId AND reported_at IS NULL "
            + "ORDER BY bucket_start, event_name LIMIT :limit")
    List<MeterReportRow> pending(UUID tenantId, int limit);

    @Query("UPDATE meter_reports SET attempts = attempts + 1 WHERE tenant_id = :tenantId AND event_name = :eventName "
            + "AND bucket_start = :bucketStart")
    void countAttempt(UUID tenantId, String eventName, Instant bucketStart);

    @Query("UPDATE meter_reports SET reported_at = now() WHERE tenant_id = :tenantId AND event_name = :eventName "
            + "AND bucket_start = :bucketStart AND reported_at IS NULL")
    void markReported(UUID tenantId, String eventName, Instant bucketStart);

    /** The meter's hours in [from, to). */
    @Query("SELECT * FROM meter_reports WHERE tenant_id = :tenantId AND event_name = :eventName "
            + "AND bucket_start >= :from AND bucket_start < :to ORDER BY bucket_start")
    List<MeterReportRow> between(UUID tenantId, String eventName, Instant from, Instant to);

    /** The tenants that have a Stripe customer: the only ones that can be metered. Readable without a tenant scope. */
    @Query("SELECT tenant_id FROM stripe_customers ORDER BY tenant_id")
    List<UUID> customerTenants();
}
