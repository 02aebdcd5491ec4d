package io.parley.core.bot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BotRepository extends GenericRepository<BotRow, UUID> {

    String COLUMNS = "tenant_id, id, name, status, persona, llm_provider, llm_base_url, llm_model, llm_api_key_sealed, "
            + "llm_api_key_hint, llm_temperature, llm_max_tokens, llm_timeout_ms, history_window, welcome_message, "
            + "fallback_message, limit_message, quota_message, output_conversion, limit_per_hour, limit_per_day, "
            + "CAST(tier_limits AS text) AS tier_limits, CAST(moderation AS text) AS moderation, version, created_at, "
            + "updated_at, llm_api_version, CAST(memory_settings AS text) AS memory_settings, handoff_text";

    @Query("""
            INSERT INTO bots (tenant_id, id, name, status, persona, llm_provider, llm_base_url, llm_model,
                llm_api_key_sealed, llm_api_key_hint, llm_temperature, llm_max_tokens, llm_timeout_ms, history_window,
                welcome_message, fallback_message, limit_message, output_conversion, limit_per_hour, limit_per_day,
                tier_limits)
            VALUES (:tenantId, :id, :name, :status, :persona, :llmProvider, :llmBaseUrl, :llmModel,
                :llmApiKeySealed, :llmApiKeyHint, :llmTemperature, :llmMaxTokens, :llmTimeoutMs, :historyWindow,
                :welcomeMessage, :fallbackMessage, :limitMessage, :outputConversion, :limitPerHour, :limitPerDay,
                CAST(:tierLimits AS jsonb))""")
    void insert(UUID tenantId, UUID id, String name, String status, String persona, String llmProvider,
                @Nullable String llmBaseUrl, @Nullable String llmModel, @Nullable String llmApiKeySealed,
                @Nullable String llmApiKeyHint, @Nullable BigDecimal llmTemperature, @Nullable Integer llmMaxTokens,
                @Nullable Integer llmTimeoutMs, int historyWindow, @Nullable String welcomeMessage,
                @Nullable String fallbackMessage, @Nullable String limitMessage, String outputConversion,
                @Nullable Integer limitPerHour, @Nullable Integer limitPerDay, String tierLimits);

    /** Replaces every column from a row built by the service; bumps the version. */
    @Query("""
            UPDATE bots SET name = :name, status = :status, persona = :persona, llm_provider = :llmProvider,
                llm_base_url = :llmBaseUrl, llm_model = :llmModel, llm_api_key_sealed = :llmApiKeySealed,
                llm_api_key_hint = :llmApiKeyHint, llm_temperature = :llmTemperature, llm_max_tokens = :llmMaxTokens,
                llm_timeout_ms = :llmTimeoutMs, history_window = :historyWindow, welcome_message = :welcomeMessage,
                fallback_message = :fallbackMessage, limit_message = :limitMessage,
                output_conversion = :outputConversion, limit_per_hour = :limitPerHour, limit_per_day = :limitPerDay,
                tier_limits = CAST(:tierLimits AS jsonb), version = version + 1,
                updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int update(UUID tenantId, UUID id, String name, String status, String persona, String llmProvider,
               @Nullable String llmBaseUrl, @Nullable String llmModel, @Nullable String llmApiKeySealed,
               @Nullable String llmApiKeyHint, @Nullable BigDecimal llmTemperature, @Nullable Integer llmMaxTokens,
               @Nullable Integer llmTimeoutMs, int historyWindow, @Nullable String welcomeMessage,
               @Nullable String fallbackMessage, @Nullable String limitMessage, String outputConversion,
               @Nullable Integer limitPerHour, @Nullable Integer limitPerDay, String tierLimits);

    /** The quota message (V67), written beside insert/update so their many callers stay as they are. */
    @Query("UPDATE bots SET quota_message = :quotaMessage WHERE tenant_id = :tenantId AND id = :id")
    int setQuotaMessage(UUID tenantId, UUID id, @Nullable String quotaMessage);

    /** The moderation settings (V155, JSON), written beside insert/update like the quota message. */
    @Query("UPDATE bots SET moderation = CAST(:moderation AS jsonb) WHERE tenant_id = :tenantId AND id = :id")
    int setModeration(UUID tenantId, UUID id, String moderation);
    /** Azure OpenAI's api-version (V160), written beside insert/update so their many callers stay as they are. */
    /** The bot's "a person will answer" text (V191; null: the widget's default), written beside insert/update. */
    @Query("UPDATE bots SET handoff_text = :handoffText WHERE tenant_id = :tenantId AND id = :id")
    int setHandoffText(UUID tenantId, UUID id, @Nullable String handoffText);

    @Query("UPDATE bots SET llm_api_version = :llmApiVersion WHERE tenant_id = :tenantId AND id = :id")
    int setLlmApiVersion(UUID tenantId, UUID id, @Nullable String llmApiVersion);

    /** The long-memory settings (V161, JSON), written beside insert/update like the moderation settings. */
    @Query("UPDATE bots SET memory_settings = CAST(:memorySettings AS jsonb) WHERE tenant_id = :tenantId AND id = :id")
    int setMemorySettings(UUID tenantId, UUID id, String memorySettings);

    @Query("SELECT " + COLUMNS + " FROM bots WHERE tenant_id = :tenantId AND id = :id")
    Optional<BotRow> find(UUID tenantId, UUID id);

    @Query("SELECT " + COLUMNS + " FROM bots WHERE tenant_id = :tenantId AND id < :beforeId ORDER BY id DESC LIMIT :limit")
    List<BotRow> page(UUID tenantId, UUID beforeId, int limit);

    @Query("DELETE FROM bots WHERE tenant_id = :tenantId AND id = :id")
    int delete(UUID tenantId, UUID id);
}
