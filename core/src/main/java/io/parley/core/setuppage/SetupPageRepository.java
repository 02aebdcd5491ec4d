package io.parley.core.setuppage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.parley.core.bot.BotRow;

import java.util.Optional;
import java.util.UUID;

/** {@code bot_setup_pages}: one settings document per bot (V125); no row means {@link SetupPageSettings#DEFAULTS}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SetupPageRepository extends GenericRepository<BotRow, UUID> {

    @Query("SELECT CAST(settings AS text) FROM bot_setup_pages WHERE tenant_id = :tenantId AND bot_id = :botId")
    Optional<String> find(UUID tenantId, UUID botId);

    @Query("""
            INSERT INTO bot_setup_pages (tenant_id, bot_id, settings) VALUES (:tenantId, :botId, CAST(:settings AS jsonb))
            ON CONFLICT (tenant_id, bot_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()""")
    void save(UUID tenantId, UUID botId, String settings);

    /**
     * Whose setup page a contact's link opens: the bot of the contact's newest conversation, else the bot of the
     * channel it was first seen on (a contact that has not talked yet).
     */
    @Query("""
            SELECT bot_id FROM (
                (SELECT bot_id, 0 AS rank, id FROM conversations WHERE tenant_id = :tenantId AND contact_id = :contactId
                 ORDER BY id DESC LIMIT 1)
                UNION ALL
                (SELECT ch.bot_id, 1 AS rank, i.id FROM contact_identities i
                 JOIN channels ch ON ch.tenant_id = i.tenant_id AND ch.id = i.channel_id
                 WHERE i.tenant_id = :tenantId AND i.contact_id = :contactId ORDER BY i.created_at LIMIT 1)
            ) AS candidates ORDER BY rank LIMIT 1""")
    Optional<UUID> botOfContact(UUID tenantId, UUID contactId);
}
