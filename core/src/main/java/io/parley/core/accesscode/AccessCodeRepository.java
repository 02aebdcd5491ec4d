package io.parley.core.accesscode;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Access code batches, codes, redemptions and wrong attempts; every query names the tenant and the bot. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AccessCodeRepository extends GenericRepository<AccessCodeRow, UUID> {

    String BATCH_COLUMNS = """
            b.tenant_id, b.id, b.bot_id, b.name, b.code_count, b.max_uses, b.expires_at, b.grant_tier,
                CAST(b.grant_attributes AS text) AS grant_attributes, b.created_at, b.revoked_at,
                (SELECT COALESCE(sum(c.uses), 0) FROM access_codes c
                 WHERE c.tenant_id = b.tenant_id AND c.batch_id = b.id) AS uses,
                (SELECT count(*) FROM access_codes c
                 WHERE c.tenant_id = b.tenant_id AND c.batch_id = b.id AND c.revoked_at IS NOT NULL) AS revoked_codes""";
    String CODE_COLUMNS = "tenant_id, id, bot_id, batch_id, max_uses, uses, expires_at, revoked_at, created_at";

    @Query("""
            INSERT INTO access_code_batches (tenant_id, id, bot_id, name, code_count, max_uses, expires_at, grant_tier,
                grant_attributes, created_by)
            VALUES (:tenantId, :id, :botId, :name, :codeCount, :maxUses, :expiresAt, :grantTier,
                CAST(:grantAttributes AS jsonb), :createdBy)""")
    void insertBatch(UUID tenantId, UUID id, UUID botId, String name, int codeCount, int maxUses,
                     @Nullable Instant expiresAt, @Nullable String grantTier, String grantAttributes,
                     @Nullable UUID createdBy);

    /** 0 when the bot already has a code with this hash (the caller draws another code). */
    @Query("""
            INSERT INTO access_codes (tenant_id, id, bot_id, batch_id, code_hash, max_uses, expires_at)
            VALUES (:tenantId, :id, :botId, :batchId, :codeHash, :maxUses, :expiresAt)
            ON CONFLICT (tenant_id, bot_id, code_hash) DO NOTHING""")
    int insertCode(UUID tenantId, UUID id, UUID botId, UUID batchId, byte[] codeHash, int maxUses,
                   @Nullable Instant expiresAt);

    @Query("SELECT " + BATCH_COLUMNS + " FROM access_code_batches b "
            + "WHERE b.tenant_id = :tenantId AND b.bot_id = :botId AND b.id = :id")
    Optional<AccessCodeBatchRow> findBatch(UUID tenantId, UUID botId, UUID id);

    /** Newest first, before {@code beforeId}. */
    @Query("SELECT " + BATCH_COLUMNS + " FROM access_code_batches b "
            + "WHERE b.tenant_id = :tenantId AND b.bot_id = :botId AND b.id < :beforeId ORDER BY b.id DESC LIMIT :limit")
    List<AccessCodeBatchRow> batches(UUID tenantId, UUID botId, UUID beforeId, int limit);

    /** A batch's codes in creation order, after {@code afterId}. */
    @Query("SELECT " + CODE_COLUMNS + " FROM access_codes WHERE tenant_id = :tenantId AND bot_id = :botId "
            + "AND batch_id = :batchId AND id > :afterId ORDER BY id LIMIT :limit")
    List<AccessCodeRow> codes(UUID tenantId, UUID botId, UUID batchId, UUID afterId, int limit);

    @Query("SELECT " + CODE_COLUMNS + " FROM access_codes WHERE tenant_id = :tenantId AND bot_id = :botId AND id = :id")
    Optional<AccessCodeRow> findCode(UUID tenantId, UUID botId, UUID id);

    @Query("SELECT " + CODE_COLUMNS + " FROM access_codes "
            + "WHERE tenant_id = :tenantId AND bot_id = :botId AND code_hash = :codeHash")
    Optional<AccessCodeRow> findByHash(UUID tenantId, UUID botId, byte[] codeHash);

    @Query("UPDATE access_codes SET revoked_at = now() WHERE tenant_id = :tenantId AND bot_id = :botId AND id = :id "
            + "AND revoked_at IS NULL")
    int revokeCode(UUID tenantId, UUID botId, UUID id);

    @Query("UPDATE access_codes SET revoked_at = now() WHERE tenant_id = :tenantId AND bot_id = :botId "
            + "AND batch_id = :batchId AND revoked_at IS NULL")
    int revokeCodesOfBatch(UUID tenantId, UUID botId, UUID batchId);

    @Query("UPDATE access_code_batches SET revoked_at = now() WHERE tenant_id = :tenantId AND bot_id = :botId "
            + "AND id = :id AND revoked_at IS NULL")
    int revokeBatch(UUID tenantId, UUID botId, UUID id);

    /**
     * Uses the code once more, if it may be: one conditional UPDATE, so of two concurrent redemptions of the last
     * use, the second waits for the first's row lock, re-reads {@code uses} and updates nothing.
     */
    @Query("""
            UPDATE access_codes SET uses = uses + 1
            WHERE tenant_id = :tenantId AND bot_id = :botId AND id = :id AND revoked_at IS NULL AND uses < max_uses
              AND (expires_at IS NULL OR expires_at > :now)""")
    int use(UUID tenantId, UUID botId, UUID id, Instant now);

    @Query("""
            INSERT INTO access_code_redemptions (tenant_id, code_id, contact_id, bot_id)
            VALUES (:tenantId, :codeId, :contactId, :botId) ON CONFLICT DO NOTHING""")
    int insertRedemption(UUID tenantId, UUID codeId, UUID contactId, UUID botId);

    @Query("""
            SELECT EXISTS (SELECT 1 FROM access_code_redemptions
                WHERE tenant_id = :tenantId AND code_id = :codeId AND contact_id = :contactId)""")
    boolean redeemedCode(UUID tenantId, UUID codeId, UUID contactId);

    /** Whether the contact redeemed a code of the bot that is not revoked (the condition contact.accessCode). */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM access_code_redemptions r
                JOIN access_codes c ON c.tenant_id = r.tenant_id AND c.id = r.code_id
                WHERE r.tenant_id = :tenantId AND r.contact_id = :contactId AND r.bot_id = :botId
                  AND c.revoked_at IS NULL)""")
    boolean redeemedAny(UUID tenantId, UUID botId, UUID contactId);

    @Query("""
            SELECT count(*) FROM access_code_attempts
            WHERE tenant_id = :tenantId AND contact_id = :contactId AND bot_id = :botId AND attempted_at > :since""")
    long wrongAttemptsSince(UUID tenantId, UUID botId, UUID contactId, Instant since);

    @Query("INSERT INTO access_code_attempts (tenant_id, bot_id, contact_id, attempted_at) "
            + "VALUES (:tenantId, :botId, :contactId, :at)")
    void insertWrongAttempt(UUID tenantId, UUID botId, UUID contactId, Instant at);

    @Query("DELETE FROM access_code_attempts WHERE tenant_id = :tenantId AND contact_id = :contactId "
            + "AND bot_id = :botId AND attempted_at <= :before")
    void pruneWrongAttempts(UUID tenantId, UUID botId, UUID contactId, Instant before);
}
