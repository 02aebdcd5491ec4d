package io.parley.core.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Channels of a tenant's bots. Every query names the tenant and the bot; RLS is the backstop. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ChannelRepository extends GenericRepository<ChannelRow, UUID> {

    String COLUMNS = "tenant_id, id, bot_id, type, name, external_id, credentials_sealed, "
            + "CAST(credential_hints AS text) AS credential_hints, widget_key, health, health_detail, verified_at, "
            + "created_at, updated_at, test_only, CAST(web_settings AS text) AS web_settings";

    /** Fails with a unique violation on {@code channels_external_key} when the account is already connected. */
    @Query("""
            INSERT INTO channels (tenant_id, id, bot_id, type, name, external_id, credentials_sealed, credential_hints,
                widget_key)
            VALUES (:tenantId, :id, :botId, :type, :name, :externalId, :credentialsSealed,
                CAST(:credentialHints AS jsonb), :widgetKey)""")
    void insert(UUID tenantId, UUID id, UUID botId, String type, @Nullable String name, @Nullable String externalId,
                @Nullable String credentialsSealed, String credentialHints, @Nullable String widgetKey);

    @Query("SELECT " + COLUMNS + " FROM channels WHERE tenant_id = :tenantId AND bot_id = :botId AND id = :id")
    Optional<ChannelRow> find(UUID tenantId, UUID botId, UUID id);

    /** Newest first, before {@code beforeId} (UUIDv7 ids sort by creation); the test chat's channel only if asked. */
    @Query("SELECT " + COLUMNS + " FROM channels WHERE tenant_id = :tenantId AND bot_id = :botId AND id < :beforeId "
            + "AND (:includeTest OR NOT test_only) ORDER BY id DESC LIMIT :limit")
    List<ChannelRow> page(UUID tenantId, UUID botId, UUID beforeId, int limit, boolean includeTest);

    /**
     * Creates the bot's test chat channel (a web chat) unless it has one; answers 0 when it had (also when another
     * request created it a moment ago: the partial unique index {@code channels_one_test_per_bot} decides).
     */
    @Query("""
            INSERT INTO channels (tenant_id, id, bot_id, type, name, credential_hints, widget_key, test_only)
            VALUES (:tenantId, :id, :botId, 'web', :name, CAST('{}' AS jsonb), :widgetKey, true)
            ON CONFLICT (tenant_id, bot_id) WHERE test_only DO NOTHING""")
    int insertTestChannel(UUID tenantId, UUID id, UUID botId, String name, String widgetKey);

    @Query("SELECT " + COLUMNS + " FROM channels WHERE tenant_id = :tenantId AND bot_id = :botId AND test_only")
    Optional<ChannelRow> findTestChannel(UUID tenantId, UUID botId);

    /** Every channel of a bot, oldest first (the configuration snapshot the pipeline caches). */
    @Query("SELECT " + COLUMNS + " FROM channels WHERE tenant_id = :tenantId AND bot_id = :botId ORDER BY id")
    List<ChannelRow> listForBot(UUID tenantId, UUID botId);

    @Query("UPDATE channels SET name = :name, updated_at = now() WHERE tenant_id = :tenantId AND id = :id")
    int rename(UUID tenantId, UUID id, @Nullable String name);

    /** A web chat channel's settings document ({@link WebChannelSettings#toJson()}). */
    @Query("""
            UPDATE channels SET web_settings = CAST(:webSettings AS jsonb), updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id AND type = 'web'""")
    int updateWebSettings(UUID tenantId, UUID id, String webSettings);

    /** A generated secret added or replaced (the web identity secret): nothing to verify, health stays. */
    @Query("""
            UPDATE channels SET credentials_sealed = :credentialsSealed,
                credential_hints = CAST(:credentialHints AS jsonb), updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int replaceGeneratedSecret(UUID tenantId, UUID id, String credentialsSealed, String credentialHints);

    /** New credentials are unchecked: health goes back to unverified until the next verify. */
    @Query("""
            UPDATE channels SET credentials_sealed = :credentialsSealed, credential_hints = CAST(:credentialHints AS jsonb),
                external_id = :externalId, health = 'unverified', health_detail = NULL, verified_at = NULL,
                updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int replaceCredentials(UUID tenantId, UUID id, @Nullable String credentialsSealed, String credentialHints,
                           @Nullable String externalId);

    /** The outcome of a verify; a check may also learn the account id or add a generated credential. */
    @Query("""
            UPDATE channels SET health = :health, health_detail = :healthDetail, verified_at = :verifiedAt,
                external_id = :externalId, credentials_sealed = :credentialsSealed, updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int recordCheck(UUID tenantId, UUID id, String health, @Nullable String healthDetail, Instant verifiedAt,
                    @Nullable String externalId, @Nullable String credentialsSealed);

    /**
     * A provider refused the channel's credentials while Parley was sending (LINE 401, WhatsApp 190, Telegram 401):
     * the channel stays unhealthy, with the provider's reason, until its credentials are replaced or verified again.
     */
    @Query("""
            UPDATE channels SET health = 'unhealthy', health_detail = :healthDetail, updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int markUnhealthy(UUID tenantId, UUID id, String healthDetail);

    /** Its {@code channel_routes} row goes with it (foreign key ON DELETE CASCADE, V10). */
    @Query("DELETE FROM channels WHERE tenant_id = :tenantId AND id = :id")
    int delete(UUID tenantId, UUID id);
}
