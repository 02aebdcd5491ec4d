package io.parley.core.billing;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.parley.core.account.TenantRow;

import java.util.Optional;
import java.util.UUID;

/** A tenant's base plan (tenants.plan), read under a row lock and written by {@link TenantPlanAssignments}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TenantPlanRepository extends GenericRepository<TenantRow, UUID> {

    @Query("SELECT plan FROM tenants WHERE id = :tenantId FOR UPDATE")
    Optional<String> lockBasePlan(UUID tenantId);

    @Query("UPDATE tenants SET plan = :plan, updated_at = now() WHERE id = :tenantId")
    int setBasePlan(UUID tenantId, String plan);
}
