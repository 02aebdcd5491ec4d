package io.parley.core.segment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Saved segments. Every method runs inside a {@link io.parley.core.tenancy.TenantScope}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SegmentRepository extends GenericRepository<SegmentRow, UUID> {

    String COLUMNS = "tenant_id, id, name, CAST(definition AS text) AS definition, created_at, updated_at";

    @Query("INSERT INTO segments (tenant_id, id, name, definition) VALUES (:tenantId, :id, :name, "
            + "CAST(:definition AS jsonb))")
    void insert(UUID tenantId, UUID id, String name, String definition);

    @Query("SELECT " + COLUMNS + " FROM segments WHERE tenant_id = :tenantId AND id = :id")
    Optional<SegmentRow> find(UUID tenantId, UUID id);

    @Query("SELECT " + COLUMNS + " FROM segments WHERE tenant_id = :tenantId AND id = :id FOR UPDATE")
    Optional<SegmentRow> findForUpdate(UUID tenantId, UUID id);

    @Query("SELECT " + COLUMNS + " FROM segments WHERE tenant_id = :tenantId AND id < :beforeId "
            + "ORDER BY id DESC LIMIT :limit")
    List<SegmentRow> page(UUID tenantId, UUID beforeId, int limit);

    @Query("UPDATE segments SET name = :name, definition = CAST(:definition AS jsonb), updated_at = now() "
            + "WHERE tenant_id = :tenantId AND id = :id")
    int update(UUID tenantId, UUID id, String name, String definition);

    @Query("DELETE FROM segments WHERE tenant_id = :tenantId AND id = :id")
    int delete(UUID tenantId, UUID id);
}
