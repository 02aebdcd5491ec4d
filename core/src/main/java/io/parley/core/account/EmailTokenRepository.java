package io.parley.core.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Verification and password-reset tokens (user-scoped, not tenant-owned); see V166__email_verification_and_reset.sql. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EmailTokenRepository extends GenericRepository<EmailTokenRow, UUID> {

    @Query("""
            INSERT INTO email_tokens (id, user_id, purpose, email, token_hash, expires_at)
            VALUES (:id, :userId, :purpose, :email, :tokenHash, :expiresAt)""")
    void insert(UUID id, UUID userId, String purpose, String email, byte[] tokenHash, Instant expiresAt);

    @Query("SELECT * FROM email_tokens WHERE token_hash = :tokenHash AND purpose = :purpose")
    Optional<EmailTokenRow> find(byte[] tokenHash, String purpose);

    /** Spends a token: 1 for exactly one caller, 0 when it was spent already (a concurrent use) or has expired. */
    @Query("UPDATE email_tokens SET used_at = now() WHERE id = :id AND used_at IS NULL AND expires_at > now()")
    int spend(UUID id);

    /** Spends every open token of a purpose of a user: a reset done makes the other reset links useless. */
    @Query("""
            UPDATE email_tokens SET used_at = now()
            WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL""")
    int spendAll(UUID userId, String purpose);

    @Query("DELETE FROM email_tokens WHERE expires_at < :before")
    int deleteExpired(Instant before);
}
