package io.parley.worker.ingress.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.parley.core.conversation.MessageRow;

import java.util.Optional;
import java.util.UUID;

/** Signed-in web chat contacts: their profile from the host site and the merge of an anonymous session. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebIdentityRepository extends GenericRepository<MessageRow, UUID> {

    /** The host site's name and attributes win over what was stored; a missing name keeps the stored one. */
    @Query("""
            UPDATE contacts SET display_name = COALESCE(:name, display_name),
                attributes = attributes || CAST(:attributes AS jsonb), updated_at = now()
            WHERE tenant_id = :tenantId AND id = :contactId""")
    int updateProfile(UUID tenantId, UUID contactId, @Nullable String name, String attributes);

    /** The contact of an anonymous session (its identity is the session id), if it wrote before signing in. */
    @Query("""
            SELECT contact_id FROM contact_identities
            WHERE tenant_id = :tenantId AND channel_id = :channelId AND external_user_id = :sessionId""")
    Optional<UUID> anonymousContact(UUID tenantId, UUID channelId, String sessionId);

    /** The anonymous conversation becomes the signed-in contact's, when that contact has none on the channel yet. */
    @Query("""
            UPDATE conversations SET contact_id = :to, updated_at = now()
            WHERE tenant_id = :tenantId AND channel_id = :channelId AND contact_id = :from
              AND NOT EXISTS (SELECT 1 FROM conversations t
                  WHERE t.tenant_id = :tenantId AND t.channel_id = :channelId AND t.contact_id = :to)""")
    int moveConversation(UUID tenantId, UUID channelId, UUID from, UUID to);

    /** Otherwise its messages move into the signed-in contact's conversation (ids keep their order in time). */
    @Query("""
            UPDATE messages SET conversation_id = (SELECT id FROM conversations
                    WHERE tenant_id = :tenantId AND channel_id = :channelId AND contact_id = :to)
            WHERE tenant_id = :tenantId AND conversation_id = (SELECT id FROM conversations
                    WHERE tenant_id = :tenantId AND channel_id = :channelId AND contact_id = :from)""")
    int moveMessages(UUID tenantId, UUID channelId, UUID from, UUID to);

    /** Attributes the anonymous contact gathered that the signed-in one lacks. */
    @Query("""
            UPDATE contacts c SET attributes = a.attributes || c.attributes, updated_at = now()
            FROM contacts a
            WHERE c.tenant_id = :tenantId AND c.id = :to AND a.tenant_id = :tenantId AND a.id = :from""")
    int mergeAttributes(UUID tenantId, UUID from, UUID to);

    /** The session's anonymous identity ends: the session now speaks as the signed-in contact. */
    @Query("""
            DELETE FROM contact_identities
            WHERE tenant_id = :tenantId AND channel_id = :channelId AND external_user_id = :sessionId""")
    int dropAnonymousIdentity(UUID tenantId, UUID channelId, String sessionId);
}
