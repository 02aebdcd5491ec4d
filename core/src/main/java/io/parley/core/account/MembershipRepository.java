package io.parley.core.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Memberships of users in tenants. Changes need a tenant scope; a user scope can read its own memberships. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MembershipRepository extends GenericRepository<MemberRow, UUID> {

    String MEMBER_COLUMNS = "SELECT m.tenant_id, m.user_id, m.role, u.email, u.display_name, m.created_at "
            + "FROM memberships m JOIN users u ON u.id = m.user_id ";

    @Query("INSERT INTO memberships (tenant_id, user_id, role) VALUES (:tenantId, :userId, :role)")
    void insert(UUID tenantId, UUID userId, String role);

    @Query(MEMBER_COLUMNS + "WHERE m.tenant_id = :tenantId AND m.user_id = :userId")
    Optional<MemberRow> find(UUID tenantId, UUID userId);

    /** A page of members ordered by user id after {@code afterUserId}. */
    @Query(MEMBER_COLUMNS + "WHERE m.tenant_id = :tenantId AND m.user_id > :afterUserId ORDER BY m.user_id LIMIT :limit")
    List<MemberRow> page(UUID tenantId, UUID afterUserId, int limit);

    /** The user's memberships in every tenant (needs a user scope). */
    @Query(MEMBER_COLUMNS + "WHERE m.user_id = :userId ORDER BY m.created_at")
    List<MemberRow> findForUser(UUID userId);

    @Query("UPDATE memberships SET role = :role, updated_at = now() WHERE tenant_id = :tenantId AND user_id = :userId")
    int updateRole(UUID tenantId, UUID userId, String role);

    @Query("DELETE FROM memberships WHERE tenant_id = :tenantId AND user_id = :userId")
    int delete(UUID tenantId, UUID userId);

    /**
     * Locks the tenant's owner rows and counts them, so two concurrent "remove/demote an owner" requests cannot
     * both pass the last-owner check.
     */
    @Query("SELECT count(*) FROM (SELECT 1 FROM memberships WHERE tenant_id = :tenantId AND role = 'owner' FOR UPDATE) owners")
    long countOwnersForUpdate(UUID tenantId);
}
