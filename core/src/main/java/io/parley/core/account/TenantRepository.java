package io.parley.core.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Run inside a {@link io.parley.core.tenancy.TenantScope}; row-level security hides other tenants. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantRepository extends GenericRepository<TenantRow, UUID> {

    @Query("INSERT INTO tenants (id, name) VALUES (:id, :name)")
    void insert(UUID id, String name);

    @Query("SELECT * FROM tenants WHERE id = :id")
    Optional<TenantRow> findById(UUID id);

    /** The tenants a user belongs to (needs a user scope). */
    @Query("""
            SELECT t.* FROM tenants t JOIN memberships m ON m.tenant_id = t.id
            WHERE m.user_id = :userId ORDER BY m.created_at, t.id""")
    List<TenantRow> findForUser(UUID userId);

    @Query("UPDATE tenants SET name = :name, updated_at = now() WHERE id = :id")
    int rename(UUID id, String name);
}
