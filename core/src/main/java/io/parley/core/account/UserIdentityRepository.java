package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Linked provider accounts. Global like users (no tenant scope); every query names the user or the identity. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserIdentityRepository extends GenericRepository<UserIdentityRow, UUID> {

    @Query("""
            INSERT INTO user_identities (id, user_id, provider, subject, email, last_used_at)
            VALUES (:id, :userId, :provider, :subject, :email, now())""")
    void insert(UUID id, UUID userId, String provider, String subject, @Nullable String email);

    @Query("SELECT * FROM user_identities WHERE provider = :provider AND subject = :subject")
    Optional<UserIdentityRow> find(String provider, String subject);

    @Query("SELECT * FROM user_identities WHERE user_id = :userId ORDER BY created_at, id")
    List<UserIdentityRow> forUser(UUID userId);

    @Query("UPDATE user_identities SET last_used_at = now(), email = :email WHERE id = :id")
    void touch(UUID id, @Nullable String email);

    @Query("DELETE FROM user_identities WHERE user_id = :userId AND id = :id")
    int delete(UUID userId, UUID id);

    /** Locks the user's row so two concurrent unlinks cannot both pass the "not the last way in" check. */
    @Query("SELECT count(*) FROM (SELECT 1 FROM users WHERE id = :userId FOR UPDATE) locked")
    long lockUser(UUID userId);
}
