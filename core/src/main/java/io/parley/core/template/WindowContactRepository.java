package io.parley.core.template;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** The contact behind a WhatsApp number on a channel, for the 24-hour window; runs inside a tenant scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WindowContactRepository extends GenericRepository<WindowContactRow, UUID> {

    @Query("""
            SELECT c.id AS contact_id, c.display_name, c.tier, CAST(c.attributes AS text) AS attributes,
                   b.name AS bot_name, cv.last_inbound_at
            FROM contact_identities ci
            JOIN contacts c ON c.tenant_id = ci.tenant_id AND c.id = ci.contact_id
            JOIN channels ch ON ch.tenant_id = ci.tenant_id AND ch.id = ci.channel_id
            JOIN bots b ON b.tenant_id = ch.tenant_id AND b.id = ch.bot_id
            LEFT JOIN conversations cv ON cv.tenant_id = ci.tenant_id AND cv.channel_id = ci.channel_id
                                      AND cv.contact_id = ci.contact_id
            WHERE ci.tenant_id = :tenantId AND ci.channel_id = :channelId AND ci.external_user_id = :externalUserId""")
    Optional<WindowContactRow> find(UUID tenantId, UUID channelId, String externalUserId);
}
