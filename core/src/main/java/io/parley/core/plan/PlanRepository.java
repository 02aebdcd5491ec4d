package io.parley.core.plan;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plans are global reference data, written only by {@link io.parley.core.billing.PlanCatalogSync} from the
 * configuration; the tenant lookups need the tenant's scope (tenants has RLS). A tenant's plan is the one in force
 * ({@code tenant_plan_id}, V55): its subscription's while that is active, trialing or in its grace period, else its
 * base plan.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanRepository extends GenericRepository<PlanRow, String> {

    /** The plans a tenant can choose: those in the configuration. */
    @Query("SELECT * FROM plans WHERE listed ORDER BY sort_order, id")
    List<PlanRow> findAll();

    @Query("SELECT * FROM plans WHERE id = :id")
    Optional<PlanRow> findById(String id);

    /** The tenant's plan, locking the tenant row so concurrent creations are counted one after another. */
    @Query("SELECT p.* FROM tenants t JOIN plans p ON p.id = tenant_plan_id(t.id) WHERE t.id = :tenantId FOR UPDATE OF t")
    Optional<PlanRow> lockTenantPlan(UUID tenantId);

    /**
     * The plan in force for the tenant. {@code tenant_plan_id} is a query of its own: as a subquery it runs once, not
     * once per plan row the scan of this small table compares (1.7 ms a turn under load, bench/README.md).
     */
    @Query("SELECT p.* FROM plans p WHERE p.id = (SELECT tenant_plan_id(:tenantId))")
    Optional<PlanRow> tenantPlan(UUID tenantId);

    @Query("SELECT count(*) FROM bots WHERE tenant_id = :tenantId")
    long countBots(UUID tenantId);

    /** The test chat's hidden channels (V33) are the dashboard's, not the tenant's: not counted. */
    @Query("SELECT count(*) FROM channels WHERE tenant_id = :tenantId AND NOT test_only")
    long countChannels(UUID tenantId);

    @Query("SELECT count(*) FROM memberships WHERE tenant_id = :tenantId")
    long countMembers(UUID tenantId);
}
