package io.parley.core.bot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A bot's configuration row. {@code llmApiKeySealed} is the SecretBox-sealed key (never returned);
 * {@code llmApiVersion} is Azure OpenAI's api-version (V160; null for other providers);
 * {@code tierLimits} is JSON: {"premium": {"perHour": null, "perDay": null}} (null = unlimited for that tier);
 * {@code moderation} is JSON too ({@link io.parley.core.moderation.ModerationSettings}, V155; {} = off), and so is
 * {@code memorySettings} ({@link io.parley.core.summary.SummarySettings}, V161; {} = no summaries).
 */
@MappedEntity("bots")
public record BotRow(UUID tenantId, @Id UUID id, String name, String status, String persona, String llmProvider,
                     @Nullable String llmBaseUrl, @Nullable String llmModel, @Nullable String llmApiKeySealed,
                     @Nullable String llmApiKeyHint, @Nullable BigDecimal llmTemperature,
                     @Nullable Integer llmMaxTokens, @Nullable Integer llmTimeoutMs, int historyWindow,
                     @Nullable String welcomeMessage, @Nullable String fallbackMessage, @Nullable String limitMessage,
                     @Nullable String quotaMessage, String outputConversion, @Nullable Integer limitPerHour, @Nullable Integer limitPerDay,
                     String tierLimits, String moderation, int version, Instant createdAt, Instant updatedAt,
                     @Nullable String llmApiVersion, String memorySettings, @Nullable String handoffText) {

    @Override
    public String toString() {
        return "BotRow[" + id + ", " + name + "]";
    }
}
