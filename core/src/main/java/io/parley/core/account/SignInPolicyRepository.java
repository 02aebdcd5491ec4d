package io.parley.core.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/** Whether a tenant requires its members to sign in through a provider (tenants.sso_required). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SignInPolicyRepository extends GenericRepository<TenantRow, UUID> {

    /** Needs the tenant's scope. */
    @Query("SELECT sso_required FROM tenants WHERE id = :tenantId")
    boolean ssoRequired(UUID tenantId);

    /** Needs the tenant's scope. */
    @Query("UPDATE tenants SET sso_required = :required, updated_at = now() WHERE id = :tenantId")
    int setSsoRequired(UUID tenantId, boolean required);

    /** Whether any tenant the user belongs to requires SSO (needs the user's scope). */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM memberships m JOIN tenants t ON t.id = m.tenant_id
                           WHERE m.user_id = :userId AND t.sso_required)""")
    boolean ssoRequiredFor(UUID userId);
}
