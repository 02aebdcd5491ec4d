package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Provider sign-ins in flight and the single-use hand-off codes of finished ones (user-scoped, not tenant-owned). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OAuthAttemptRepository extends GenericRepository<OAuthAttemptRow, byte[]> {

    @Query("""
            INSERT INTO oauth_attempts (state_hash, provider, browser_hash, code_verifier, nonce, link_user_id, expires_at)
            VALUES (:stateHash, :provider, :browserHash, :codeVerifier, :nonce, :linkUserId, :expiresAt)""")
    void insert(byte[] stateHash, String provider, byte[] browserHash, String codeVerifier, String nonce,
                @Nullable UUID linkUserId, Instant expiresAt);

    @Query("SELECT * FROM oauth_attempts WHERE state_hash = :stateHash AND used_at IS NULL AND expires_at > now()")
    Optional<OAuthAttemptRow> findOpen(byte[] stateHash);

    /** Spends the attempt of a state: 1 for exactly one caller, 0 when spent (a concurrent callback) or expired. */
    @Query("""
            UPDATE oauth_attempts SET used_at = now()
            WHERE state_hash = :stateHash AND used_at IS NULL AND expires_at > now()""")
    int spend(byte[] stateHash);

    @Query("INSERT INTO oauth_handoffs (code_hash, user_id, expires_at) VALUES (:codeHash, :userId, :expiresAt)")
    void insertHandoff(byte[] codeHash, UUID userId, Instant expiresAt);

    @Query("SELECT user_id FROM oauth_handoffs WHERE code_hash = :codeHash AND used_at IS NULL AND expires_at > now()")
    Optional<UUID> findOpenHandoff(byte[] codeHash);

    /** Spends a hand-off code: 1 for exactly one caller, 0 when already spent or expired. */
    @Query("""
            UPDATE oauth_handoffs SET used_at = now()
            WHERE code_hash = :codeHash AND used_at IS NULL AND expires_at > now()""")
    int spendHandoff(byte[] codeHash);

    @Query("DELETE FROM oauth_attempts WHERE expires_at < :before")
    int deleteExpired(Instant before);

    @Query("DELETE FROM oauth_handoffs WHERE expires_at < :before")
    int deleteExpiredHandoffs(Instant before);
}
