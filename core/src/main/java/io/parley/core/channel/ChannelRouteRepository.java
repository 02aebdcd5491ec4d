package io.parley.core.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/**
 * The lookup from a webhook path's channel id (or a web widget key) to its tenant. Reads need no tenant scope: a
 * webhook arrives before its tenant is known (the RLS policy lets anyone read, only the tenant write). Rows are
 * written with their channel, in the same transaction, and removed with it by a cascading foreign key.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ChannelRouteRepository extends GenericRepository<ChannelRouteRow, UUID> {

    @Query("""
            INSERT INTO channel_routes (channel_id, tenant_id, type, widget_key)
            VALUES (:channelId, :tenantId, :type, :widgetKey)""")
    void insert(UUID channelId, UUID tenantId, String type, @Nullable String widgetKey);

    @Query("SELECT channel_id, tenant_id, type, widget_key FROM channel_routes WHERE channel_id = :channelId")
    Optional<ChannelRouteRow> find(UUID channelId);

    @Query("SELECT channel_id, tenant_id, type, widget_key FROM channel_routes WHERE widget_key = :widgetKey")
    Optional<ChannelRouteRow> findByWidgetKey(String widgetKey);
}
