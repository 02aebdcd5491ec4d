package io.parley.core.conversation;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/** A conversation's LLM usage, summed from llm_usage (V157 index). Call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConversationUsageRepository extends GenericRepository<ConversationUsageRepository.Totals, UUID> {

    /** Calls, tokens, the cost of the priced calls, how many calls had no price, and the models used. */
    @Query("""
            SELECT CAST(:conversationId AS uuid) AS conversation_id, count(*) AS calls,
                   coalesce(sum(prompt_tokens), 0) AS prompt_tokens,
                   coalesce(sum(completion_tokens), 0) AS completion_tokens,
                   coalesce(sum(cost_micros) FILTER (WHERE NOT unpriced), 0) AS cost_micros,
                   count(*) FILTER (WHERE unpriced) AS unpriced_calls,
                   coalesce(string_agg(DISTINCT model, ',' ORDER BY model), '') AS models
            FROM llm_usage WHERE tenant_id = :tenantId AND conversation_id = :conversationId""")
    Totals totals(UUID tenantId, UUID conversationId);

    @MappedEntity("llm_usage")
    record Totals(@Id UUID conversationId, long calls, long promptTokens, long completionTokens, long costMicros,
                  long unpricedCalls, String models) {
    }
}
