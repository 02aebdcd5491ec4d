package io.parley.core.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Alert rules. Every method runs inside a {@link io.parley.core.tenancy.TenantScope} of the tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AlertRuleRepository extends GenericRepository<AlertRule, UUID> {

    @Query("""
            INSERT INTO alert_rules (tenant_id, id, kind, enabled, cost_micros, failure_percent, window_minutes,
                                     min_calls, wait_minutes)
            VALUES (:tenantId, :id, :kind, :enabled, :costMicros, :failurePercent, :windowMinutes, :minCalls,
                    :waitMinutes)""")
    void insert(UUID tenantId, UUID id, String kind, boolean enabled, @Nullable Long costMicros,
                @Nullable Integer failurePercent, @Nullable Integer windowMinutes, @Nullable Integer minCalls,
                @Nullable Integer waitMinutes);

    @Query("SELECT * FROM alert_rules WHERE tenant_id = :tenantId AND id = :id")
    Optional<AlertRule> find(UUID tenantId, UUID id);

    @Query("SELECT * FROM alert_rules WHERE tenant_id = :tenantId AND id = :id FOR UPDATE")
    Optional<AlertRule> findForUpdate(UUID tenantId, UUID id);

    @Query("SELECT * FROM alert_rules WHERE tenant_id = :tenantId AND id < :beforeId ORDER BY id DESC LIMIT :limit")
    List<AlertRule> page(UUID tenantId, UUID beforeId, int limit);

    @Query("SELECT * FROM alert_rules WHERE tenant_id = :tenantId AND enabled ORDER BY id")
    List<AlertRule> enabled(UUID tenantId);

    @Query("SELECT * FROM alert_rules WHERE tenant_id = :tenantId AND enabled AND kind = :kind ORDER BY id")
    List<AlertRule> enabled(UUID tenantId, String kind);

    @Query("""
            UPDATE alert_rules SET enabled = :enabled, cost_micros = :costMicros, failure_percent = :failurePercent,
                   window_minutes = :windowMinutes, min_calls = :minCalls, wait_minutes = :waitMinutes,
                   updated_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int update(UUID tenantId, UUID id, boolean enabled, @Nullable Long costMicros, @Nullable Integer failurePercent,
               @Nullable Integer windowMinutes, @Nullable Integer minCalls, @Nullable Integer waitMinutes);

    @Query("DELETE FROM alert_rules WHERE tenant_id = :tenantId AND id = :id")
    int delete(UUID tenantId, UUID id);

    @Query("SELECT count(*) FROM alert_rules WHERE tenant_id = :tenantId")
    long count(UUID tenantId);

    /** The tenants with an enabled rule; readable without a tenant scope (alert_tenants holds ids only). */
    @Query("SELECT tenant_id FROM alert_tenants ORDER BY tenant_id")
    List<UUID> tenantsWithRules();
}
