package io.parley.core.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** WhatsApp message templates per channel. Every method runs inside a {@link io.parley.core.tenancy.TenantScope}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TemplateRepository extends GenericRepository<TemplateRow, UUID> {

    String COLUMNS = "tenant_id, id, channel_id, meta_id, name, language, category, status, rejection_reason, "
            + "CAST(components AS text) AS components, synced_at, created_at, updated_at";

    /**
     * Inserts or refreshes the template {@code (channel, name, language)} as Meta describes it; {@code id} is used
     * only for a new row. {@code synced} says the values came from Meta's list (so {@code synced_at} moves).
     */
    @Query("""
            INSERT INTO whatsapp_templates (tenant_id, id, channel_id, meta_id, name, language, category, status,
                                            rejection_reason, components, synced_at)
            VALUES (:tenantId, :id, :channelId, :metaId, :name, :language, :category, :status, :rejectionReason,
                    CAST(:components AS jsonb), CASE WHEN :synced THEN now() END)
            ON CONFLICT (tenant_id, channel_id, name, language) DO UPDATE SET
                meta_id = COALESCE(EXCLUDED.meta_id, whatsapp_templates.meta_id), category = EXCLUDED.category,
                status = EXCLUDED.status, rejection_reason = EXCLUDED.rejection_reason,
                components = EXCLUDED.components,
                synced_at = COALESCE(EXCLUDED.synced_at, whatsapp_templates.synced_at), updated_at = now()""")
    void upsert(UUID tenantId, UUID id, UUID channelId, @Nullable String metaId, String name, String language,
                String category, String status, @Nullable String rejectionReason, String components, boolean synced);

    @Query("SELECT " + COLUMNS + " FROM whatsapp_templates WHERE tenant_id = :tenantId AND id = :id")
    Optional<TemplateRow> find(UUID tenantId, UUID id);

    @Query("SELECT " + COLUMNS + " FROM whatsapp_templates WHERE tenant_id = :tenantId AND channel_id = :channelId "
            + "AND name = :name AND language = :language")
    Optional<TemplateRow> findByName(UUID tenantId, UUID channelId, String name, String language);

    @Query("SELECT " + COLUMNS + " FROM whatsapp_templates WHERE tenant_id = :tenantId "
            + "AND channel_id IN (:channelIds) ORDER BY name, language, id")
    List<TemplateRow> list(UUID tenantId, Collection<UUID> channelIds);

    /**
     * After a sync's upserts, in the same transaction: removes the channel's templates that Meta's list no longer
     * holds (deleted in WhatsApp Manager), i.e. those the transaction did not touch ({@code now()} is its start).
     */
    @Query("DELETE FROM whatsapp_templates WHERE tenant_id = :tenantId AND channel_id = :channelId "
            + "AND (synced_at IS NULL OR synced_at < now())")
    int deleteNotSyncedNow(UUID tenantId, UUID channelId);

    @Query("DELETE FROM whatsapp_templates WHERE tenant_id = :tenantId AND id = :id")
    int delete(UUID tenantId, UUID id);

    /** A status change Meta reported (message_template_status_update); 0 when the template is not known here. */
    @Query("""
            UPDATE whatsapp_templates SET status = :status, rejection_reason = :reason, updated_at = now()
            WHERE tenant_id = :tenantId AND channel_id = :channelId
              AND (meta_id = :metaId OR (meta_id IS NULL AND name = :name AND language = :language))""")
    int updateStatus(UUID tenantId, UUID channelId, String metaId, @Nullable String name, @Nullable String language,
                     String status, @Nullable String reason);

}
