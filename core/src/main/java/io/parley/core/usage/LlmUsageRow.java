package io.parley.core.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One LLM call of a turn (retries included): who it was for, what it used and cost, and how it ended
 * ({@code outcome}: ok, timeout, error, rate_limited, quota or circuit_open). {@code unpriced}: the model had no
 * price, so {@code costMicros} (0) is unknown rather than free; {@code channelId} is null on rows older than V60.
 */
@MappedEntity("llm_usage")
public record LlmUsageRow(UUID tenantId, @Id UUID id, UUID botId, @Nullable UUID contactId,
                          @Nullable UUID conversationId, String provider, String model, int promptTokens,
                          int completionTokens, int latencyMs, String outcome, long costMicros, Instant createdAt,
                          boolean unpriced, @Nullable UUID channelId) {
}
