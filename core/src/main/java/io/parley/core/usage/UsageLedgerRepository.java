package io.parley.core.usage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The usage ledger read per period, from the rows the turns write: answered_turns (one per answered turn) and
 * llm_usage (one per LLM call), and from broadcast_recipients (one per recipient messaged; indexed on sent_at).
 * Nothing is summed in advance: the tables are indexed on (tenant_id, time) and a
 * month of a tenant is what one page reads. Call inside the tenant's scope.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UsageLedgerRepository extends GenericRepository<LedgerCell, UUID> {

    /** Per bot and channel in [from, to). */
    @Query("""
            SELECT u.bot_id, u.channel_id, b.name AS bot_name, c.name AS channel_name, c.type AS channel_type,
                   sum(u.answered) AS answered_messages, sum(u.calls) AS llm_calls,
                   sum(u.prompt_tokens) AS prompt_tokens, sum(u.completion_tokens) AS completion_tokens,
                   sum(u.cost_micros) AS llm_cost_micros, sum(u.unpriced) AS unpriced_llm_calls,
                   sum(u.recipients) AS broadcast_recipients
            FROM (SELECT bot_id, channel_id, 1 AS answered, 0 AS calls, 0 AS prompt_tokens, 0 AS completion_tokens,
                         0::bigint AS cost_micros, 0 AS unpriced, 0 AS recipients
                  FROM answered_turns WHERE tenant_id = :tenantId AND answered_at >= :from AND answered_at < :to
                  UNION ALL
                  SELECT bot_id, channel_id, 0, 1, prompt_tokens, completion_tokens, cost_micros,
                         CASE WHEN unpriced THEN 1 ELSE 0 END, 0
                  FROM llm_usage WHERE tenant_id = :tenantId AND created_at >= :from AND created_at < :to
                  UNION ALL
                  SELECT ch.bot_id, r.channel_id, 0, 0, 0, 0, 0, 0, 1
                  FROM broadcast_recipients r JOIN channels ch ON ch.tenant_id = r.tenant_id AND ch.id = r.channel_id
                  WHERE r.tenant_id = :tenantId AND r.sent_at >= :from AND r.sent_at < :to) u
            LEFT JOIN bots b ON b.tenant_id = :tenantId AND b.id = u.bot_id
            LEFT JOIN channels c ON c.tenant_id = :tenantId AND c.id = u.channel_id
            GROUP BY u.bot_id, u.channel_id, b.name, c.name, c.type
            ORDER BY b.name NULLS LAST, u.bot_id, c.name NULLS LAST, u.channel_id NULLS LAST""")
    List<LedgerCell> cells(UUID tenantId, Instant from, Instant to);
}
