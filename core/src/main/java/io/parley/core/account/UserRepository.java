package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** Users are global identities (not tenant-owned), so these queries need no tenant scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends GenericRepository<UserRow, UUID> {

    @Query("INSERT INTO users (id, email, password_hash, display_name) VALUES (:id, :email, :passwordHash, :displayName)")
    void insert(UUID id, String email, @Nullable String passwordHash, @Nullable String displayName);

    @Query("INSERT INTO users (id, email, password_hash, display_name, language) VALUES (:id, :email, :passwordHash, :displayName, :language)")
    void insertWithLanguage(UUID id, String email, @Nullable String passwordHash, @Nullable String displayName,
                            String language);

    /** Sets a new password (a reset): the caller also ends the user's sessions. */
    @Query("UPDATE users SET password_hash = :passwordHash, updated_at = now() WHERE id = :id")
    void setPassword(UUID id, String passwordHash);

    @Query("UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = :id")
    void markEmailVerified(UUID id);

    /** Drops the password (an unverified account's password could belong to someone who squatted the address). */
    @Query("UPDATE users SET password_hash = NULL, updated_at = now() WHERE id = :id")
    void clearPassword(UUID id);

    @Query("SELECT * FROM users WHERE lower(email) = lower(:email)")
    Optional<UserRow> findByEmail(String email);

    @Query("SELECT * FROM users WHERE id = :id")
    Optional<UserRow> findById(UUID id);

    @Query("UPDATE users SET last_login_at = now() WHERE id = :id")
    void touchLogin(UUID id);
}
