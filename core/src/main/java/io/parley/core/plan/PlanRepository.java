package io.parley.core.plan;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plans are global reference data; the tenant lookups need the tenant's scope (tenants has RLS). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanRepository extends GenericRepository<PlanRow, String> {

    @Query("SELECT * FROM plans ORDER BY sort_order")
    List<PlanRow> findAll();

    /** The tenant's plan, locking the tenant row so concurrent creations are counted one after another. */
    @Query("SELECT p.* FROM plans p JOIN tenants t ON t.plan = p.id WHERE t.id = :tenantId FOR UPDATE OF t")
    Optional<PlanRow> lockTenantPlan(UUID tenantId);

    @Query("SELECT p.* FROM plans p JOIN tenants t ON t.plan = p.id WHERE t.id = :tenantId")
    Optional<PlanRow> tenantPlan(UUID tenantId);

    @Query("SELECT count(*) FROM bots WHERE tenant_id = :tenantId")
    long countBots(UUID tenantId);

    /** The test chat's hidden channels (V33) are the dashboard's, not the tenant's: not counted. */
    @Query("SELECT count(*) FROM channels WHERE tenant_id = :tenantId AND NOT test_only")
    long countChannels(UUID tenantId);
}
