package io.parley.api.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.llmprice.LlmPriceWire;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The usage ledger's response (docs/billing.md "The usage ledger"). */
final class UsageLedgerWire {

    private UsageLedgerWire() {
    }

    @Serdeable
    @Schema(name = "UsageCounts", description = "What was used: answered messages (turns counted against the plan), "
            + "LLM calls with their tokens and cost in micro-USD, and broadcast recipients")
    record Counts(
            @Schema(requiredMode = REQUIRED) long answeredMessages,
            @Schema(requiredMode = REQUIRED) long llmCalls,
            @Schema(requiredMode = REQUIRED, description = "Prompt tokens") long inputTokens,
            @Schema(requiredMode = REQUIRED, description = "Completion tokens") long outputTokens,
            @Schema(requiredMode = REQUIRED, description = "micro-USD (1000000 = $1); unpriced calls add 0")
            long llmCostMicros,
            @Schema(requiredMode = REQUIRED, description = "LLM calls of a model without a price: their cost is "
                    + "unknown, not included in llmCostMicros") long unpricedLlmCalls,
            @Schema(requiredMode = REQUIRED, description = "Broadcast recipients messaged (sent) in the period")
            long broadcastRecipients) {
    }

    static Counts zero() {
        return new Counts(0, 0, 0, 0, 0, 0, 0);
    }

    static Counts sum(Counts a, Counts b) {
        return new Counts(a.answeredMessages() + b.answeredMessages(), a.llmCalls() + b.llmCalls(),
                a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(),
                a.llmCostMicros() + b.llmCostMicros(), a.unpricedLlmCalls() + b.unpricedLlmCalls(),
                a.broadcastRecipients() + b.broadcastRecipients());
    }

    @Serdeable
    @Schema(name = "BotUsage")
    record BotUsage(
            @Schema(requiredMode = REQUIRED) String botId,
            @Nullable @Schema(description = "Null once the bot is deleted") String botName,
            Counts usage) {
    }

    @Serdeable
    @Schema(name = "ChannelUsage")
    record ChannelUsage(
            @Nullable @Schema(description = "Null for LLM calls recorded before the ledger had channels") String channelId,
            @Nullable @Schema(description = "Null once the channel is deleted, or when it has no name") String channelName,
            @Nullable @Schema(allowableValues = {"line", "whatsapp", "telegram", "web"},
                    description = "Null once the channel is deleted") String channelType,
            @Schema(requiredMode = REQUIRED) String botId,
            Counts usage) {
    }

    @Serdeable
    @Schema(name = "UsageLedger", description = "A tenant's usage in one calendar month (UTC), in total, per bot and "
            + "per channel, with the models used without a price")
    record Ledger(
            @Schema(requiredMode = REQUIRED, example = "2026-12") String period,
            @Schema(requiredMode = REQUIRED) Instant periodStart,
            @Schema(requiredMode = REQUIRED) Instant periodEnd,
            Counts totals,
            @Schema(requiredMode = REQUIRED, description = "Bots with usage in the period") List<BotUsage> byBot,
            @Schema(requiredMode = REQUIRED, description = "Channels with usage in the period")
            List<ChannelUsage> byChannel,
            @Schema(requiredMode = REQUIRED) List<LlmPriceWire.Unpriced> unpricedModels) {
    }
}
