package io.parley.core.billing.meter;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The usage ledger (answered_turns, llm_usage) summed per UTC hour; call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeterLedgerRepository extends GenericRepository<HourlyUsage, Instant> {

    /** Hours in [from, to) with any usage, oldest first. */
    @Query("""
            SELECT u.hour, sum(u.answered) AS answered_messages, sum(u.calls) AS llm_calls,
                   sum(u.prompt_tokens) AS prompt_tokens, sum(u.completion_tokens) AS completion_tokens,
                   sum(u.cost_micros) AS llm_cost_micros
            FROM (SELECT date_trunc('hour', answered_at, 'UTC') AS hour, 1 AS answered, 0 AS calls, 0 AS prompt_tokens,
                         0 AS completion_tokens, 0::bigint AS cost_micros
                  FROM answered_turns WHERE tenant_id = :tenantId AND answered_at >= :from AND answered_at < :to
                  UNION ALL
                  SELECT date_trunc('hour', created_at, 'UTC'), 0, 1, prompt_tokens, completion_tokens, cost_micros
                  FROM llm_usage WHERE tenant_id = :tenantId AND created_at >= :from AND created_at < :to) u
            GROUP BY u.hour ORDER BY u.hour""")
    List<HourlyUsage> hourly(UUID tenantId, Instant from, Instant to);
}
