package io.parley.core.privacy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/**
 * Deleting a user's account (docs/privacy.md "Deleting your account"). Users are not tenant-owned; their memberships
 * are left first, each in its tenant's scope, and their refresh tokens go with the user (foreign key cascade).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AccountRepository extends GenericRepository<ContactErasureRow, String> {

    @Query("DELETE FROM users WHERE id = :userId")
    int deleteUser(UUID userId);
}
