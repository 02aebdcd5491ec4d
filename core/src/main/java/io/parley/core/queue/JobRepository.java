package io.parley.core.queue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's jobs, for the jobs API (tenant scope). The worker's own statements are in {@link JobStore}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JobRepository extends GenericRepository<JobRow, Long> {

    String COLUMNS = "id, tenant_id, kind, CAST(args AS text) AS args, state, priority, attempt, max_attempts, "
            + "scheduled_at, attempted_at, finalized_at, CAST(errors AS text) AS errors, created_at";

    /** Newest first; {@code state}/{@code kind} null for any. */
    @Query("SELECT " + COLUMNS + " FROM jobs WHERE tenant_id = :tenantId AND id < :beforeId"
            + " AND (CAST(:state AS text) IS NULL OR state = :state) AND (CAST(:kind AS text) IS NULL OR kind = :kind)"
            + " ORDER BY id DESC LIMIT :limit")
    List<JobRow> page(UUID tenantId, long beforeId, @Nullable String state, @Nullable String kind, int limit);

    @Query("SELECT " + COLUMNS + " FROM jobs WHERE tenant_id = :tenantId AND id = :id")
    Optional<JobRow> find(UUID tenantId, long id);

    /**
     * A discarded or cancelled job runs again: available now, attempts reset, error history kept. Call
     * {@link JobQueue#wake()} in the same transaction. Returns 0 when the job is in another state.
     */
    @Query("""
            UPDATE jobs SET state = 'available', attempt = 0, scheduled_at = now(), finalized_at = NULL,
                locked_by = NULL, locked_until = NULL
            WHERE tenant_id = :tenantId AND id = :id AND state IN ('discarded', 'cancelled')""")
    int retry(UUID tenantId, long id);
}
