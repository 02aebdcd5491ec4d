package io.parley.core.privacy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of a contact's erasure (see {@link ContactErasure}, which runs them in order in one transaction) and
 * the tombstones that outlive it. Every method runs inside a {@link io.parley.core.tenancy.TenantScope}.
 *
 * <p>Rows that only count (usage, answered turns, analytics' distinct contacts, broadcast recipients) are kept with
 * their contact or conversation id replaced by a pseudonym: {@code md5(salt || id)} as a uuid, with a random salt per
 * erasure, so totals and distinct counts stay the same and nothing links them back to the person.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ErasureRepository extends GenericRepository<ContactErasureRow, String> {

    String CONVERSATIONS = "SELECT id FROM conversations WHERE tenant_id = :tenantId AND contact_id = :contactId";

    /** One tombstone per identity of the contact (an older one for the same identity is renewed). */
    @Query("""
            INSERT INTO contact_erasures (tenant_id, channel_id, identity_hash)
            SELECT tenant_id, channel_id, parley_identity_hash(channel_id, external_user_id) FROM contact_identities
            WHERE tenant_id = :tenantId AND contact_id = :contactId
            ON CONFLICT (tenant_id, channel_id, identity_hash) DO UPDATE SET erased_at = now()""")
    int tombstone(UUID tenantId, UUID contactId);

    /**
     * The provider events the contact's identities sent (they hold the raw text and user id). Walks the tenant's
     * events of those channels: erasures are rare and this keeps the hot ingress path free of another index.
     */
    @Query("""
            DELETE FROM inbound_events e USING contact_identities ci
            WHERE ci.tenant_id = :tenantId AND ci.contact_id = :contactId
              AND e.tenant_id = ci.tenant_id AND e.channel_id = ci.channel_id
              AND e.payload ->> 'externalUserId' = ci.external_user_id""")
    int deleteInboundEvents(UUID tenantId, UUID contactId);

    /** Work not started yet for the contact's conversations (turns, sends) is cancelled. */
    @Query("""
            UPDATE jobs j SET state = 'cancelled', finalized_at = now()
            FROM contact_identities ci
            WHERE ci.tenant_id = :tenantId AND ci.contact_id = :contactId AND j.tenant_id = ci.tenant_id
              AND j.state IN ('available', 'retryable')
              AND j.serial_key IN ('conv:' || ci.channel_id || ':' || ci.external_user_id,
                                   'conv:' || ci.channel_id || ':' || ci.external_user_id || ':' || 'out')""")
    int cancelJobs(UUID tenantId, UUID contactId);

    @Query("""
            DELETE FROM contact_opt_outs o USING contact_identities ci
            WHERE ci.tenant_id = :tenantId AND ci.contact_id = :contactId AND o.tenant_id = ci.tenant_id
              AND o.channel_id = ci.channel_id AND o.external_user_id = ci.external_user_id""")
    int deleteOptOuts(UUID tenantId, UUID contactId);

    @Query("DELETE FROM contact_import_rows WHERE tenant_id = :tenantId AND new_contact_id = :contactId")
    int deleteImportRows(UUID tenantId, UUID contactId);

    /** LLM usage stays (billing totals, cost per bot) without the contact or conversation. */
    @Query("""
            UPDATE llm_usage SET contact_id = NULL, conversation_id = NULL
            WHERE tenant_id = :tenantId AND (contact_id = :contactId OR conversation_id IN (""" + CONVERSATIONS + "))")
    int anonymizeLlmUsage(UUID tenantId, UUID contactId);

    @Query("""
            UPDATE answered_turns SET conversation_id = CAST(md5(:salt || conversation_id::text) AS uuid)
            WHERE tenant_id = :tenantId AND conversation_id IN (""" + CONVERSATIONS + ")")
    int anonymizeAnsweredTurns(UUID tenantId, UUID contactId, String salt);

    @Query("""
            UPDATE analytics_contact_hours SET contact_id = CAST(md5(:salt || contact_id::text) AS uuid)
            WHERE tenant_id = :tenantId AND contact_id = :contactId""")
    int anonymizeContactHours(UUID tenantId, UUID contactId, String salt);

    @Query("""
            UPDATE analytics_contact_days SET contact_id = CAST(md5(:salt || contact_id::text) AS uuid)
            WHERE tenant_id = :tenantId AND contact_id = :contactId""")
    int anonymizeContactDays(UUID tenantId, UUID contactId, String salt);

    /** A broadcast's counts stay; whom it went to and what it said to them do not. */
    @Query("""
            UPDATE broadcast_recipients SET contact_id = CAST(md5(:salt || contact_id::text) AS uuid),
                external_user_id = 'erased', content = NULL, provider_message_id = NULL
            WHERE tenant_id = :tenantId AND contact_id = :contactId""")
    int anonymizeBroadcastRecipients(UUID tenantId, UUID contactId, String salt);

    /**
     * The contact and, by their foreign keys' cascades, its identities, conversations, messages, memory (values and
     * history), setup answers (attributes, persona override), subscriptions, access code redemptions, trigger runs and
     * flow state.
     */
    @Query("DELETE FROM contacts WHERE tenant_id = :tenantId AND id = :contactId")
    int deleteContact(UUID tenantId, UUID contactId);

    /** When the identity was erased, if it was (and its tombstone is still kept). */
    @Query("""
            SELECT erased_at FROM contact_erasures WHERE tenant_id = :tenantId AND channel_id = :channelId
              AND identity_hash = parley_identity_hash(:channelId, :externalUserId)""")
    Optional<Instant> erasedAt(UUID tenantId, UUID channelId, String externalUserId);

    /** The person wrote again: the identity is an ordinary new one from now on. */
    @Query("""
            DELETE FROM contact_erasures WHERE tenant_id = :tenantId AND channel_id = :channelId
              AND identity_hash = parley_identity_hash(:channelId, :externalUserId)""")
    int forget(UUID tenantId, UUID channelId, String externalUserId);

    /** A late event that must not re-create the person is not kept either. */
    @Query("DELETE FROM inbound_events WHERE tenant_id = :tenantId AND id = :eventId")
    int deleteInboundEvent(UUID tenantId, UUID eventId);
}
