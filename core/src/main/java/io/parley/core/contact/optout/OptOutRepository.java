package io.parley.core.contact.optout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The suppression list and the tenant's opt-out keywords (docs/contacts.md "Opt-out"). Unfollows reach the list
 * through a trigger on {@code contact_identities.following} (V90), not through here. Every method runs inside a
 * {@link io.parley.core.tenancy.TenantScope}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OptOutRepository extends GenericRepository<OptOutRow, UUID> {

    /** Adds an identity; an existing entry (of any source) stays as it was. 1 when added. */
    @Query("""
            INSERT INTO contact_opt_outs (tenant_id, channel_id, external_user_id, source, detail)
            VALUES (:tenantId, :channelId, :externalUserId, :source, :detail)
            ON CONFLICT DO NOTHING""")
    int add(UUID tenantId, UUID channelId, String externalUserId, String source, @Nullable String detail);

    /** Adds every identity of a contact (or only the one on {@code channelId}); the number added. */
    @Query("""
            INSERT INTO contact_opt_outs (tenant_id, channel_id, external_user_id, source)
            SELECT tenant_id, channel_id, external_user_id, 'api' FROM contact_identities
            WHERE tenant_id = :tenantId AND contact_id = :contactId
              AND (CAST(:channelId AS uuid) IS NULL OR channel_id = :channelId)
            ON CONFLICT DO NOTHING""")
    int addContact(UUID tenantId, UUID contactId, @Nullable UUID channelId);

    /** Takes a contact's identities (or the one on {@code channelId}) off the list, whatever put them there. */
    @Query("""
            DELETE FROM contact_opt_outs o USING contact_identities ci
            WHERE ci.tenant_id = :tenantId AND ci.contact_id = :contactId
              AND (CAST(:channelId AS uuid) IS NULL OR ci.channel_id = :channelId)
              AND o.tenant_id = ci.tenant_id AND o.channel_id = ci.channel_id
              AND o.external_user_id = ci.external_user_id""")
    int removeContact(UUID tenantId, UUID contactId, @Nullable UUID channelId);

    /** The entries of some contacts' identities. */
    @Query("""
            SELECT o.tenant_id, o.channel_id, o.external_user_id, o.source, o.detail, o.created_at
            FROM contact_opt_outs o JOIN contact_identities ci ON ci.tenant_id = o.tenant_id
                AND ci.channel_id = o.channel_id AND ci.external_user_id = o.external_user_id
            WHERE ci.tenant_id = :tenantId AND ci.contact_id IN (:contactIds)""")
    List<OptOutRow> ofContacts(UUID tenantId, Collection<UUID> contactIds);

    @Query("""
            SELECT tenant_id, channel_id, external_user_id, source, detail, created_at FROM contact_opt_outs
            WHERE tenant_id = :tenantId AND channel_id = :channelId AND external_user_id = :externalUserId""")
    Optional<OptOutRow> find(UUID tenantId, UUID channelId, String externalUserId);

    /** The tenant's keywords as a JSON array, empty when it never set them (the defaults apply). */
    @Query("SELECT CAST(array_to_json(keywords) AS text) FROM opt_out_settings WHERE tenant_id = :tenantId")
    Optional<String> keywords(UUID tenantId);

    @Query("""
            INSERT INTO opt_out_settings (tenant_id, keywords)
            VALUES (:tenantId, ARRAY(SELECT jsonb_array_elements_text(CAST(:keywords AS jsonb))))
            ON CONFLICT (tenant_id) DO UPDATE SET keywords = EXCLUDED.keywords, updated_at = now()""")
    void setKeywords(UUID tenantId, String keywords);

    /** Back to the configured defaults. */
    @Query("DELETE FROM opt_out_settings WHERE tenant_id = :tenantId")
    int clearKeywords(UUID tenantId);
}
