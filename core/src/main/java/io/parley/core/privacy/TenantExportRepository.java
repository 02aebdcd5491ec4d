package io.parley.core.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** Tenant exports (V172). Every method runs inside a {@link io.parley.core.tenancy.TenantScope}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantExportRepository extends GenericRepository<TenantExportRow, UUID> {

    @Query("INSERT INTO tenant_exports (tenant_id, id, requested_by) VALUES (:tenantId, :id, :requestedBy)")
    void insert(UUID tenantId, UUID id, @Nullable UUID requestedBy);

    @Query("SELECT tenant_id, id, status, created_at, ready_at FROM tenant_exports "
            + "WHERE tenant_id = :tenantId AND id = :id")
    Optional<TenantExportRow> find(UUID tenantId, UUID id);

    /** Builds the document (V172 parley_export_tenant); 0 when the export is gone or ready already. */
    @Query("""
            UPDATE tenant_exports SET document = parley_export_tenant(:tenantId), status = 'ready', ready_at = now()
            WHERE tenant_id = :tenantId AND id = :id AND status = 'pending'""")
    int build(UUID tenantId, UUID id);

    @Query("SELECT CAST(document AS text) FROM tenant_exports WHERE tenant_id = :tenantId AND id = :id "
            + "AND status = 'ready'")
    Optional<String> document(UUID tenantId, UUID id);
}
