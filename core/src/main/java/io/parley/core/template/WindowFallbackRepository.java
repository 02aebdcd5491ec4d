package io.parley.core.template;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** The 24-hour-window fallback template per WhatsApp channel; every method runs inside a tenant scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WindowFallbackRepository extends GenericRepository<WindowFallbackRow, UUID> {

    @Query("SELECT tenant_id, channel_id, template_name, language, CAST(body_variables AS text) AS body_variables, "
            + "updated_at FROM whatsapp_window_fallbacks WHERE tenant_id = :tenantId AND channel_id = :channelId")
    Optional<WindowFallbackRow> find(UUID tenantId, UUID channelId);

    @Query("""
            INSERT INTO whatsapp_window_fallbacks (tenant_id, channel_id, template_name, language, body_variables)
            VALUES (:tenantId, :channelId, :templateName, :language, CAST(:bodyVariables AS jsonb))
            ON CONFLICT (tenant_id, channel_id) DO UPDATE SET template_name = EXCLUDED.template_name,
                language = EXCLUDED.language, body_variables = EXCLUDED.body_variables, updated_at = now()""")
    void save(UUID tenantId, UUID channelId, String templateName, String language, String bodyVariables);

    @Query("DELETE FROM whatsapp_window_fallbacks WHERE tenant_id = :tenantId AND channel_id = :channelId")
    int delete(UUID tenantId, UUID channelId);
}
