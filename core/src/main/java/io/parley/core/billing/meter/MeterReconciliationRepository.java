package io.parley.core.billing.meter;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** meter_reconciliations (V61); call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeterReconciliationRepository extends GenericRepository<MeterReconciliationRow, String> {

    @Query("""
            INSERT INTO meter_reconciliations AS r (tenant_id, event_name, window_start, window_end, ledger_value,
                stripe_value, drift, checked_at)
            VALUES (:tenantId, :eventName, :windowStart, :windowEnd, :ledgerValue, :stripeValue, :drift, now())
            ON CONFLICT (tenant_id, event_name) DO UPDATE SET window_start = EXCLUDED.window_start,
                window_end = EXCLUDED.window_end, ledger_value = EXCLUDED.ledger_value,
                stripe_value = EXCLUDED.stripe_value, drift = EXCLUDED.drift, checked_at = now()""")
    void save(UUID tenantId, String eventName, Instant windowStart, Instant windowEnd, long ledgerValue,
              long stripeValue, long drift);

    @Query("SELECT * FROM meter_reconciliations WHERE tenant_id = :tenantId ORDER BY event_name")
    List<MeterReconciliationRow> list(UUID tenantId);
}
