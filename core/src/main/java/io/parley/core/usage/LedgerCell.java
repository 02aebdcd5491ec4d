package io.parley.core.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/**
 * The usage ledger of one bot on one channel in a period: answered turns (answered_turns), LLM calls (llm_usage) and
 * broadcast recipients messaged (broadcast_recipients with a sent time in the period).
 * A result of {@link UsageLedgerRepository}'s aggregate, not a table. Names are null once the bot or channel is
 * deleted; {@code channelId} is null for LLM calls recorded before V60.
 */
@MappedEntity("usage_ledger_cell")
public record LedgerCell(@Id UUID botId, @Nullable UUID channelId, @Nullable String botName,
                         @Nullable String channelName, @Nullable String channelType, long answeredMessages,
                         long llmCalls, long promptTokens, long completionTokens, long llmCostMicros,
                         long unpricedLlmCalls, long broadcastRecipients) {
}
