package io.parley.api.bot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Wire types of /api/v1/bots. PATCH is a JSON Merge Patch (RFC 7396, see {@link BotMerge} and docs/api/conventions.md):
 * absent keeps, null removes, objects merge; "" also clears a text field.
 */
final class BotWire {

    private BotWire() {
    }

    @Serdeable
    @Schema(name = "BotRequest", description = "Create: name is required. Patch: a JSON Merge Patch (RFC 7396): "
            + "members left out keep their value, null removes one (optional text, llm settings, limits, a tier), "
            + "objects (llm, limits, limits.tiers, each tier) merge member by member.")
    record BotRequest(
            @Nullable @Size(min = 1, max = 100) @Schema(example = "Lumi") String name,
            @Nullable @Size(max = 16000) @Schema(description = "System prompt; may use {{contact.displayName}}, "
                    + "{{contact.tier}}, {{contact.attributes.<key>}}, {{bot.name}}",
                    example = "You are Lumi, a warm companion. Call the user {{contact.displayName}}.") String persona,
            @Nullable @Valid LlmSettings llm,
            @Nullable @Min(0) @Max(100) @Schema(description = "Messages of history sent to the LLM", example = "10")
            Integer historyWindow,
            @Nullable @Size(max = 2000) @Schema(description = "Sent on follow / first contact; may use {{setupUrl}} and "
                    + "{{checkoutUrl:<offer id>}}",
                    example = "Welcome! Set up your character here: {{setupUrl}}") String welcomeMessage,
            @Nullable @Size(max = 2000) @Schema(description = "Sent when the LLM fails",
                    example = "Sorry, I cannot answer right now. If you are in crisis, call 1925.") String fallbackMessage,
            @Nullable @Size(max = 2000) @Schema(description = "Sent (once per window) when a contact hits a limit; may use "
                    + "{{checkoutUrl:<offer id>}}",
                    example = "You have reached today's free messages. Upgrade for unlimited chat.") String limitMessage,
            @Nullable @Size(max = 2000) @Schema(description = "Sent (once per window) when the tenant's plan quota "
                    + "is used up (answered messages this month, or the plan's LLM budget); default: a short apology "
                    + "in the bot's language", example = "We're very busy this month. Please try again next month.")
            String quotaMessage,
            @Nullable @Pattern(regexp = "none|zh-Hant|zh-Hant-TW|zh-Hans",
                    message = "must be none, zh-Hant, zh-Hant-TW or zh-Hans")
            @Schema(type = "string", allowableValues = {"none", "zh-Hant", "zh-Hant-TW", "zh-Hans"},
                    description = "Converts LLM answers: zh-Hant characters only (OpenCC s2t), zh-Hant-TW characters "
                            + "and Taiwan phrasing (s2twp: 软件 → 軟體), zh-Hans to Simplified")
            String outputConversion,
            @Nullable @Valid Limits limits,
            @Nullable @Valid ModerationWire.ModerationRequest moderation,
            @Nullable @Valid BotMemory.MemoryRequest memory,
            @Nullable @Pattern(regexp = "active|paused", message = "must be active or paused")
            @Schema(type = "string", allowableValues = {"active", "paused"}) String status,
            @Nullable @Size(max = 500) @Schema(description = "What the web chat says after a hand-off instead of a "
                    + "typing indicator (\"\" or null: the widget's default in the visitor's language)",
                    example = "Mei from our team replies within the hour.") String handoffText) {

        @Override
        public String toString() {
            return "BotRequest[" + name + "]";
        }
    }

    @Serdeable
    @Schema(name = "LlmSettings")
    record LlmSettings(
            @Nullable @Pattern(regexp = "openai-compatible|anthropic|gemini|ollama|azure-openai|demo",
                    message = "must be openai-compatible, anthropic, gemini, ollama, azure-openai or demo")
            @Schema(type = "string", allowableValues = {"openai-compatible", "anthropic", "gemini", "ollama",
                    "azure-openai", "demo"}, description = "The wire protocol; anthropic and gemini need apiKey and "
                    + "model, azure-openai baseUrl, apiKey, model (the deployment) and apiVersion, ollama baseUrl "
                    + "and model (no key). Changing it without sending apiKey removes the stored key.")
            String provider,
            @Nullable @Size(max = 500) @Schema(example = "https://api.openai.com/v1",
                    description = "The provider's URL: required for ollama (http://host:11434) and azure-openai "
                            + "(https://RESOURCE.openai.azure.com); anthropic and gemini default to their public API")
            String baseUrl,
            @Nullable @Size(max = 200) @Schema(example = "gpt-4o-mini",
                    description = "The model; for azure-openai the deployment's name") String model,
            @Nullable @Size(max = 500) @Schema(description = "Write-only; \"\" removes it", format = "password")
            String apiKey,
            @Nullable @DecimalMin("0.0") @DecimalMax("2.0") @Schema(example = "0.7") BigDecimal temperature,
            @Nullable @Min(1) @Max(32768) @Schema(example = "512") Integer maxTokens,
            @Nullable @Min(1000) @Max(60000) @Schema(description = "Per-call timeout in ms", example = "8000")
            Integer timeoutMs,
            @Nullable @Size(max = 40) @Schema(description = "Azure OpenAI's api-version (azure-openai only)",
                    example = "2024-10-21") String apiVersion) {

        @Override
        public String toString() {
            return "LlmSettings[" + provider + ", " + model + "]";
        }
    }

    @Serdeable
    @Schema(name = "MessageLimits", description = "Per-contact message limits; null = unlimited")
    record Limits(@Nullable @Min(1) @Max(1_000_000) @Schema(example = "20") Integer perHour,
                  @Nullable @Min(1) @Max(1_000_000) @Schema(example = "50") Integer perDay,
                  @Nullable @Schema(description = "Overrides by contact tier, e.g. {\"premium\": {}} = unlimited")
                  Map<String, @Valid TierLimits> tiers) {
    }

    @Serdeable
    @Schema(name = "TierLimits")
    record TierLimits(@Nullable @Min(1) @Max(1_000_000) Integer perHour,
                      @Nullable @Min(1) @Max(1_000_000) Integer perDay) {
    }

    @Serdeable
    @Schema(name = "Bot")
    record BotResponse(String id, String name, String status, String persona, LlmView llm, int historyWindow,
                       @Nullable String welcomeMessage, @Nullable String fallbackMessage,
                       @Nullable String limitMessage,
                       @Nullable @Schema(description = "null: the default quota message in the bot's language")
                       String quotaMessage, String outputConversion, Limits limits,
                       ModerationWire.ModerationView moderation,
                       BotMemory.MemoryView memory,
                       Instant createdAt, Instant updatedAt,
                       @Nullable @Schema(description = "The web chat's \"a person will answer\" text; null: the "
                               + "widget's default in the visitor's language") String handoffText) {
    }

    @Serdeable
    @Schema(name = "LlmView")
    record LlmView(String provider, @Nullable String baseUrl, @Nullable String model,
                   @Schema(requiredMode = REQUIRED,
                           description = "Whether an API key is stored (it is never returned)") boolean apiKeySet,
                   @Nullable @Schema(description = "Last 4 characters of the stored key", example = "…x7Qa")
                   String apiKeyHint,
                   @Nullable BigDecimal temperature, @Nullable Integer maxTokens, @Nullable Integer timeoutMs,
                   @Nullable @Schema(description = "Azure OpenAI's api-version (azure-openai only)")
                   String apiVersion,
                   @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"demo", "platform", "own"},
                           description = "Who answers now: demo (the built-in demo LLM's canned replies: provider "
                                   + "demo, or nothing of the bot's own while the platform has no LLM key), platform "
                                   + "(the operator's default LLM), own (the bot's provider, URL or key)")
                   String answeredBy) {
    }
}
