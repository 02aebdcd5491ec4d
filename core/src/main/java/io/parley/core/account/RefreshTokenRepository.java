package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens are user sessions, not tenant-owned rows; see V1__accounts_and_tenancy.sql. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshTokenRepository extends GenericRepository<RefreshTokenRow, UUID> {

    @Query("""
            INSERT INTO refresh_tokens (id, family_id, user_id, tenant_id, token_hash, expires_at)
            VALUES (:id, :familyId, :userId, :tenantId, :tokenHash, :expiresAt)""")
    void insert(UUID id, UUID familyId, UUID userId, @Nullable UUID tenantId, byte[] tokenHash, Instant expiresAt);

    @Query("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash")
    Optional<RefreshTokenRow> findByHash(byte[] tokenHash);

    /**
     * Spends a token exactly once: of two concurrent refreshes with the same token only one updates a row,
     * the other is treated as reuse.
     */
    @Query("""
            UPDATE refresh_tokens SET used_at = now()
            WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()""")
    int spend(UUID id);

    @Query("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(UUID familyId);

    @Query("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllForUser(UUID userId);

    @Query("DELETE FROM refresh_tokens WHERE expires_at < :before")
    int deleteExpired(Instant before);
}
