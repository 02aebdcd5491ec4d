package io.parley.core.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** The LLM call log (analytics, billing, cost per bot); call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LlmUsageRepository extends GenericRepository<LlmUsageRow, UUID> {

    @Query("""
            INSERT INTO llm_usage (tenant_id, id, bot_id, contact_id, conversation_id, provider, model, prompt_tokens,
                completion_tokens, latency_ms, outcome, cost_micros)
            VALUES (:tenantId, :id, :botId, :contactId, :conversationId, :provider, :model, :promptTokens,
                :completionTokens, :latencyMs, :outcome, :costMicros)""")
    void insert(UUID tenantId, UUID id, UUID botId, @Nullable UUID contactId, @Nullable UUID conversationId,
                String provider, String model, int promptTokens, int completionTokens, int latencyMs, String outcome,
                long costMicros);

    /**
     * Records a call with its channel and whether its model had a price (V60): an unpriced call's cost is unknown,
     * not 0 (docs/billing.md "The LLM price table").
     */
    @Query("""
            INSERT INTO llm_usage (tenant_id, id, bot_id, channel_id, contact_id, conversation_id, provider, model,
                prompt_tokens, completion_tokens, latency_ms, outcome, cost_micros, unpriced)
            VALUES (:tenantId, :id, :botId, :channelId, :contactId, :conversationId, :provider, :model, :promptTokens,
                :completionTokens, :latencyMs, :outcome, :costMicros, :unpriced)""")
    void record(UUID tenantId, UUID id, UUID botId, @Nullable UUID channelId, @Nullable UUID contactId,
                @Nullable UUID conversationId, String provider, String model, int promptTokens, int completionTokens,
                int latencyMs, String outcome, long costMicros, boolean unpriced);

    /** A call made for another purpose than a turn's reply (V161: {@code summary}), recorded like {@link #record}. */
    @Query("""
            INSERT INTO llm_usage (tenant_id, id, bot_id, channel_id, contact_id, conversation_id, provider, model,
                prompt_tokens, completion_tokens, latency_ms, outcome, cost_micros, unpriced, purpose)
            VALUES (:tenantId, :id, :botId, :channelId, :contactId, :conversationId, :provider, :model, :promptTokens,
                :completionTokens, :latencyMs, :outcome, :costMicros, :unpriced, :purpose)""")
    void recordFor(String purpose, UUID tenantId, UUID id, UUID botId, @Nullable UUID channelId,
                   @Nullable UUID contactId, @Nullable UUID conversationId, String provider, String model,
                   int promptTokens, int completionTokens, int latencyMs, String outcome, long costMicros,
                   boolean unpriced);

    /** A bot's most recent calls, newest first. */
    @Query("SELECT * FROM llm_usage WHERE tenant_id = :tenantId AND bot_id = :botId ORDER BY created_at DESC, id DESC "
            + "LIMIT :limit")
    List<LlmUsageRow> recentForBot(UUID tenantId, UUID botId, int limit);
}
