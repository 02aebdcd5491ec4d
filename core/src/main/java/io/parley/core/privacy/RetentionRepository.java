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

    /**
     * Closes the tenant: its active bots are paused (and remembered, for a reopening), its data is deleted after
     * {@code graceDays}. 0 when it is closed already.
     */
    @Query("""
            WITH paused AS (
                UPDATE bots SET status = 'paused', updated_at = now()
                WHERE tenant_id = :tenantId AND status = 'active'
                  AND NOT EXISTS (SELECT 1 FROM tenant_privacy WHERE tenant_id = :tenantId AND closed_at IS NOT NULL)
                RETURNING id
            ), closed AS (
            INSERT INTO tenant_privacy (tenant_id, closed_at, delete_after, paused_bots)
            VALUES (:tenantId, now(), now() + make_interval(days => :graceDays),
                    ARRAY(SELECT id FROM paused))
            ON CONFLICT (tenant_id) DO UPDATE SET closed_at = EXCLUDED.closed_at,
                delete_after = EXCLUDED.delete_after, paused_bots = EXCLUDED.paused_bots, updated_at = now()
                WHERE tenant_privacy.closed_at IS NULL
            RETURNING 1
            )
            SELECT count(*) FROM closed""")
    int close(UUID tenantId, int graceDays);

    /** When a closed tenant's data goes; empty when it is open. */
    @Query("SELECT delete_after FROM tenant_privacy WHERE tenant_id = :tenantId AND closed_at IS NOT NULL")
    Optional<java.time.Instant> deleteAfter(UUID tenantId);

    /** Resumes the bots the closing paused (those still paused); 0 when the tenant was not closed. */
    @Query("""
            WITH reopened AS (
                UPDATE tenant_privacy SET closed_at = NULL, delete_after = NULL, paused_bots = '{}', updated_at = now()
                WHERE tenant_id = :tenantId AND closed_at IS NOT NULL
                RETURNING (SELECT paused_bots FROM tenant_privacy p WHERE p.tenant_id = :tenantId) AS bots
            ), resumed AS (
                UPDATE bots SET status = 'active', updated_at = now()
                WHERE tenant_id = :tenantId AND status = 'paused' AND id = ANY (SELECT unnest(bots) FROM reopened)
            )
            SELECT count(*) FROM reopened""")
    int reopen(UUID tenantId);

    /** Every row of a tenant whose grace has passed (V171 parley_delete_tenant); -1 when it is not due. */
    @Query("""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM tenant_privacy WHERE tenant_id = :tenantId
                                     AND delete_after < now()) THEN parley_delete_tenant(:tenantId) ELSE -1 END""")
    int deleteIfDue(UUID tenantId);
}
