package io.parley.core.usage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** Monthly usage counters, the plan quotas' source of truth; call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UsageRepository extends GenericRepository<UsageCounterRow, String> {

    @Query("SELECT tenant_id, period, messages, llm_cost_micros FROM usage_counters "
            + "WHERE tenant_id = :tenantId AND period = :period")
    Optional<UsageCounterRow> find(UUID tenantId, String period);

    /**
     * Adds to the month's counters, creating the row on the month's first use; safe under concurrent calls. The
     * counts of a tenant deleted meanwhile are dropped rather than failing the flush they are part of
     * ({@link UsageMeter}).
     */
    @Query("""
            INSERT INTO usage_counters AS u (tenant_id, period, messages, llm_cost_micros)
            SELECT :tenantId, :period, :messages, :llmCostMicros WHERE EXISTS (SELECT 1 FROM tenants WHERE id = :tenantId)
            ON CONFLICT (tenant_id, period) DO UPDATE SET messages = u.messages + EXCLUDED.messages,
                llm_cost_micros = u.llm_cost_micros + EXCLUDED.llm_cost_micros""")
    void add(UUID tenantId, String period, int messages, long llmCostMicros);
}
