package io.parley.core.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.parley.core.tenancy.Ids;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contacts and their channel identities. Every method runs inside a {@link io.parley.core.tenancy.TenantScope}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContactRepository extends GenericRepository<ContactRow, UUID> {

    String COLUMNS = "tenant_id, id, display_name, CAST(attributes AS text) AS attributes, tier, blocked, "
            + "persona_override, created_at, updated_at, last_seen_at, CAST(array_to_json(tags) AS text) AS tags";

    /**
     * The contact behind a channel identity, created with its identity on first sight; later calls fill a missing
     * display name, replace the identity's profile when one is given, and refresh {@code last_seen_at} when it is
     * older than a minute (it serves segments' day-sized activity filters). Rows with nothing to change are not
     * written (no new row version, no WAL: a turn of a known contact writes neither row).
     *
     * <p>One statement, safe under concurrent calls for one identity: the identity is inserted first (ON CONFLICT on
     * its unique key waits for a concurrent insert and then takes that row, whose contact id it returns when it
     * changes it, and the statement's snapshot has it otherwise); the contact is then inserted with that id, or, when
     * it exists, updated through ON CONFLICT when something changed, else read. The identity's foreign key is checked
     * at the end of the statement, when both rows exist. A contact created through the test chat's channel is marked
     * {@code test_only} (V33).
     */
    default UpsertedContact upsertByIdentity(UUID tenantId, UUID channelId, String externalUserId,
                                             @Nullable String displayName, @Nullable String profileJson) {
        return upsert(tenantId, channelId, externalUserId, displayName, profileJson, null);
    }

    /**
     * {@link #upsertByIdentity} for a contact who writes to the bot: the identity is marked following too (whoever
     * writes can be answered again, e.g. after unblocking a Telegram bot), in the same statement.
     */
    default UpsertedContact upsertWriting(UUID tenantId, UUID channelId, String externalUserId,
                                          @Nullable String displayName) {
        return upsert(tenantId, channelId, externalUserId, displayName, null, true);
    }

    private UpsertedContact upsert(UUID tenantId, UUID channelId, String externalUserId, @Nullable String displayName,
                                   @Nullable String profileJson, @Nullable Boolean following) {
        UUID newContactId = Ids.next();
        ContactRow row = seen(tenantId, newContactId, Ids.next(), channelId, externalUserId, displayName, profileJson,
                following);
        return new UpsertedContact(row, row.id().equals(newContactId));
    }

    /** Use {@link #upsertByIdentity}; the ids of a contact and identity that may be created are passed in. */
    default ContactRow upsert(UUID tenantId, UUID newContactId, UUID identityId, UUID channelId,
                              String externalUserId, @Nullable String displayName, @Nullable String profileJson) {
        return seen(tenantId, newContactId, identityId, channelId, externalUserId, displayName, profileJson, null);
    }

    private ContactRow seen(UUID tenantId, UUID newContactId, UUID identityId, UUID channelId, String externalUserId,
                            @Nullable String displayName, @Nullable String profileJson, @Nullable Boolean following) {
        List<ContactRow> rows = upsertRows(tenantId, newContactId, identityId, channelId, externalUserId, displayName,
                profileJson, following);
        if (rows.isEmpty()) {
            // The identity was created by a concurrent statement after this one's snapshot and needed no change, so
            // neither branch saw it; the same statement now finds it committed.
            rows = upsertRows(tenantId, newContactId, identityId, channelId, externalUserId, displayName, profileJson,
                    following);
        }
        return rows.getFirst();
    }

    /** Use {@link #upsertByIdentity}: empty only in the race that method retries. */
    @Query("""
            WITH identity AS (
                INSERT INTO contact_identities AS i (tenant_id, id, contact_id, channel_id, external_user_id, profile,
                                                     following)
                VALUES (:tenantId, :identityId, :newContactId, :channelId, :externalUserId,
                        COALESCE(CAST(:profileJson AS jsonb), CAST('{}' AS jsonb)),
                        COALESCE(CAST(:following AS boolean), true))
                ON CONFLICT (tenant_id, channel_id, external_user_id)
                    DO UPDATE SET profile = COALESCE(CAST(:profileJson AS jsonb), i.profile),
                        following = COALESCE(CAST(:following AS boolean), i.following)
                    WHERE i.profile IS DISTINCT FROM COALESCE(CAST(:profileJson AS jsonb), i.profile)
                       OR i.following IS DISTINCT FROM COALESCE(CAST(:following AS boolean), i.following)
                RETURNING i.contact_id
            ), known AS (
                SELECT contact_id FROM identity
                UNION ALL
                SELECT contact_id FROM contact_identities
                WHERE tenant_id = :tenantId AND channel_id = :channelId AND external_user_id = :externalUserId
                LIMIT 1
            ), upserted AS (
                INSERT INTO contacts AS c (tenant_id, id, display_name, last_seen_at, test_only)
                SELECT :tenantId, contact_id, :displayName, now(), EXISTS (SELECT 1 FROM channels ch
                    WHERE ch.tenant_id = :tenantId AND ch.id = :channelId AND ch.test_only) FROM known
                ON CONFLICT (tenant_id, id)
                    DO UPDATE SET last_seen_at = now(), display_name = COALESCE(c.display_name, EXCLUDED.display_name)
                    WHERE c.last_seen_at IS NULL OR c.last_seen_at < now() - interval '1 minute'
                       OR (c.display_name IS NULL AND EXCLUDED.display_name IS NOT NULL)
                RETURNING c.tenant_id, c.id, c.display_name, CAST(c.attributes AS text) AS attributes, c.tier,
                    c.blocked, c.persona_override, c.created_at, c.updated_at, c.last_seen_at,
                    CAST(array_to_json(c.tags) AS text) AS tags
            )
            SELECT * FROM upserted
            UNION ALL
            SELECT c.tenant_id, c.id, c.display_name, CAST(c.attributes AS text) AS attributes, c.tier, c.blocked,
                c.persona_override, c.created_at, c.updated_at, c.last_seen_at,
                CAST(array_to_json(c.tags) AS text) AS tags
            FROM contacts c JOIN known k ON c.tenant_id = :tenantId AND c.id = k.contact_id
            WHERE NOT EXISTS (SELECT 1 FROM upserted)""")
    List<ContactRow> upsertRows(UUID tenantId, UUID newContactId, UUID identityId, UUID channelId,
                                String externalUserId, @Nullable String displayName, @Nullable String profileJson,
                                @Nullable Boolean following);

    @Query("SELECT " + COLUMNS + " FROM contacts WHERE tenant_id = :tenantId AND id = :id")
    Optional<ContactRow> find(UUID tenantId, UUID id);

    /** For read-modify-write of attributes: concurrent patches of one contact apply one after the other. */
    @Query("SELECT " + COLUMNS + " FROM contacts WHERE tenant_id = :tenantId AND id = :id FOR UPDATE")
    Optional<ContactRow> findForUpdate(UUID tenantId, UUID id);

    /**
     * Newest first, before {@code beforeId} (UUIDv7 ids sort by creation). Null filters match everything;
     * {@code pattern} is an ILIKE pattern (escape {@code \ % _} with a backslash) matched against the display name
     * and the external user ids.
     */
    @Query("""
            SELECT tenant_id, id, display_name, CAST(attributes AS text) AS attributes, tier, blocked, persona_override,
                created_at, updated_at, last_seen_at, CAST(array_to_json(tags) AS text) AS tags
            FROM contacts c
            WHERE c.tenant_id = :tenantId AND c.id < :beforeId
              AND (CAST(:tier AS text) IS NULL OR c.tier = :tier)
              AND (CAST(:blocked AS boolean) IS NULL OR c.blocked = :blocked)
              AND (CAST(:tag AS text) IS NULL OR c.tags @> ARRAY[CAST(:tag AS text)])
              AND (CAST(:channelId AS uuid) IS NULL OR EXISTS (SELECT 1 FROM contact_identities ci
                   WHERE ci.tenant_id = c.tenant_id AND ci.contact_id = c.id AND ci.channel_id = :channelId))
              AND (CAST(:pattern AS text) IS NULL OR c.display_name ILIKE :pattern
                   OR EXISTS (SELECT 1 FROM contact_identities ci
                   WHERE ci.tenant_id = c.tenant_id AND ci.contact_id = c.id AND ci.external_user_id ILIKE :pattern))
            ORDER BY c.id DESC LIMIT :limit""")
    List<ContactRow> page(UUID tenantId, UUID beforeId, @Nullable String pattern, @Nullable String tier,
                          @Nullable Boolean blocked, @Nullable String tag, @Nullable UUID channelId, int limit);

    /** Replaces the editable columns (the service merges a patch into the current row first). */
    @Query("""
            UPDATE contacts SET display_name = :displayName, attributes = CAST(:attributes AS jsonb), tier = :tier,
                blocked = :blocked, persona_override = :personaOverride, updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int update(UUID tenantId, UUID id, @Nullable String displayName, String attributes, String tier, boolean blocked,
               @Nullable String personaOverride);

    /** Replaces the tags; {@code tags} is a JSON array of strings, already checked by {@link ContactTags}. */
    @Query("""
            UPDATE contacts SET tags = ARRAY(SELECT jsonb_array_elements_text(CAST(:tags AS jsonb))), updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int setTags(UUID tenantId, UUID id, String tags);

    /**
     * A contact created by a member or an API key with its first identity (docs/contacts.md "Creating contacts");
     * empty when the identity exists already (a list, not an Optional: Micronaut Data maps an Optional of a
     * statement that inserts to the generated id). One statement: the identity is inserted first and, only when it was
     * new, the contact with it (the identity's foreign key is checked at the end of the statement).
     */
    @Query("""
            WITH identity AS (
                INSERT INTO contact_identities (tenant_id, id, contact_id, channel_id, external_user_id)
                VALUES (:tenantId, :identityId, :contactId, :channelId, :externalUserId)
                ON CONFLICT (tenant_id, channel_id, external_user_id) DO NOTHING
                RETURNING contact_id
            )
            INSERT INTO contacts AS c (tenant_id, id, display_name, attributes, tier, tags)
            SELECT :tenantId, contact_id, :displayName, CAST(:attributes AS jsonb), :tier,
                ARRAY(SELECT jsonb_array_elements_text(CAST(:tags AS jsonb))) FROM identity
            RETURNING c.tenant_id, c.id, c.display_name, CAST(c.attributes AS text) AS attributes, c.tier, c.blocked,
                c.persona_override, c.created_at, c.updated_at, c.last_seen_at,
                CAST(array_to_json(c.tags) AS text) AS tags""")
    List<ContactRow> addWithIdentity(UUID tenantId, UUID contactId, UUID identityId, UUID channelId,
                                     String externalUserId, @Nullable String displayName, String attributes,
                                     String tier, String tags);

    /** The type of one of the tenant's channels ("line", "whatsapp", …); empty for the test chat's and unknown ids. */
    @Query("SELECT type FROM channels WHERE tenant_id = :tenantId AND id = :channelId AND NOT test_only")
    Optional<String> channelType(UUID tenantId, UUID channelId);

    /** The contact behind a channel identity, if any. */
    @Query("""
            SELECT c.tenant_id, c.id, c.display_name, CAST(c.attributes AS text) AS attributes, c.tier, c.blocked,
                c.persona_override, c.created_at, c.updated_at, c.last_seen_at,
                CAST(array_to_json(c.tags) AS text) AS tags
            FROM contact_identities ci JOIN contacts c ON c.tenant_id = ci.tenant_id AND c.id = ci.contact_id
            WHERE ci.tenant_id = :tenantId AND ci.channel_id = :channelId AND ci.external_user_id = :externalUserId""")
    Optional<ContactRow> findByIdentity(UUID tenantId, UUID channelId, String externalUserId);

    /** The identities of some contacts, oldest first, with their channel's type. */
    @Query("""
            SELECT ci.tenant_id, ci.id, ci.contact_id, ci.channel_id, ch.type AS channel_type, ci.external_user_id,
                CAST(ci.profile AS text) AS profile, ci.following, ci.created_at
            FROM contact_identities ci
            JOIN channels ch ON ch.tenant_id = ci.tenant_id AND ch.id = ci.channel_id
            WHERE ci.tenant_id = :tenantId AND ci.contact_id IN (:contactIds)
            ORDER BY ci.id""")
    List<ContactIdentityRow> identities(UUID tenantId, Collection<UUID> contactIds);

    /**
     * A channel identity changes its id (a Telegram group upgraded to a supergroup): the contact, and so its
     * conversation, follows it. 0 when there is nothing to move, or when the new id already has an identity of its
     * own (that one stays; the two are not merged).
     */
    @Query("""
            UPDATE contact_identities SET external_user_id = :to
            WHERE tenant_id = :tenantId AND channel_id = :channelId AND external_user_id = :from
              AND NOT EXISTS (SELECT 1 FROM contact_identities t WHERE t.tenant_id = :tenantId
                                AND t.channel_id = :channelId AND t.external_user_id = :to)""")
    int moveIdentity(UUID tenantId, UUID channelId, String from, String to);

    /** Follow and unfollow (LINE follow/unfollow events, Telegram my_chat_member); 0 when nothing changed. */
    @Query("""
            UPDATE contact_identities SET following = :following
            WHERE tenant_id = :tenantId AND channel_id = :channelId AND external_user_id = :externalUserId
              AND following IS DISTINCT FROM :following""")
    int setFollowing(UUID tenantId, UUID channelId, String externalUserId, boolean following);
}
