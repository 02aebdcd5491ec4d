package io.parley.core.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Retention settings and the deletions they cause (V171). Runs inside a tenant scope unless said otherwise. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RetentionRepository extends GenericRepository<ContactErasureRow, String> {

    /** Every tenant with a privacy row; readable without a tenant scope. */
    @Query("SELECT tenant_id FROM tenant_privacy ORDER BY tenant_id")
    List<UUID> tenants();

    /** Empty when the tenant keeps messages forever (no row, or no number of days). */
    @Query("SELECT message_retention_days FROM tenant_privacy WHERE tenant_id = :tenantId "
            + "AND message_retention_days IS NOT NULL")
    Optional<Integer> retentionDays(UUID tenantId);

    @Query("""
            INSERT INTO tenant_privacy (tenant_id, message_retention_days) VALUES (:tenantId, :days)
            ON CONFLICT (tenant_id) DO UPDATE SET message_retention_days = :days, updated_at = now()""")
    void setRetentionDays(UUID tenantId, @Nullable Integer days);

    /** So the tenant's tombstones are purged in time (see ContactErasure). */
    @Query("INSERT INTO tenant_privacy (tenant_id) VALUES (:tenantId) ON CONFLICT DO NOTHING")
    void track(UUID tenantId);

    /** One batch of messages created more than {@code days} ago; the number deleted. */
    @Query("""
            DELETE FROM messages WHERE tenant_id = :tenantId AND id IN (SELECT id FROM messages
                WHERE tenant_id = :tenantId AND created_at < now() - make_interval(days => :days) LIMIT :batch)""")
    int deleteOldMessages(UUID tenantId, int days, int batch);

    /** One batch of stored provider events received more than {@code days} ago (they hold the same texts). */
    @Query("""
            DELETE FROM inbound_events WHERE tenant_id = :tenantId AND id IN (SELECT id FROM inbound_events
                WHERE tenant_id = :tenantId AND received_at < now() - make_interval(days => :days) LIMIT :batch)""")
    int deleteOldEvents(UUID tenantId, int days, int batch);

    @Query("""
            DELETE FROM contact_erasures WHERE tenant_id = :tenantId
              AND erased_at < now() - make_interval(days => :days)""")
    int purgeTombstones(UUID tenantId, int days);
}
