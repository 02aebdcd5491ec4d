package io.parley.core.broadcast;

import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Broadcasts whose {@code broadcast.send} job the queue discarded (its last attempt failed, or the worker running it
 * died on its last attempt) and that have no job left to run: such a broadcast could stay running forever with
 * nobody sending (docs/broadcasts.md "Nothing left running"). Reads the jobs table only, so it runs in the queue's
 * scope ({@link io.parley.core.tenancy.TenantScope#asQueue}); the caller then looks at each broadcast in its tenant.
 */
@Singleton
public final class AbandonedBroadcasts {

    /** The newest discarded job of a broadcast with no live job. */
    public record Abandoned(TenantId tenant, UUID broadcast, long jobId) {
    }

    private final Sql sql;

    AbandonedBroadcasts(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** Broadcasts whose newest job was discarded within {@code lookback}, at most {@code limit}. */
    public List<Abandoned> find(Duration lookback, int limit) {
        return sql.list("SELECT * FROM (SELECT DISTINCT ON (j.serial_key) j.id, j.tenant_id, j.serial_key,"
                + " j.args::text AS args"
                + " FROM jobs j WHERE j.kind = ? AND j.state = 'discarded' AND j.serial_key IS NOT NULL"
                + " AND j.finalized_at > now() - ? * interval '1 millisecond'"
                + " ORDER BY j.serial_key, j.id DESC) d WHERE NOT EXISTS (SELECT 1 FROM jobs l"
                + " WHERE l.tenant_id = d.tenant_id AND l.serial_key = d.serial_key AND l.id > d.id"
                + " AND l.state IN ('available', 'retryable', 'running', 'completed')) ORDER BY d.id LIMIT ?",
                row -> new Abandoned(new TenantId(Sql.uuid(row, "tenant_id")),
                        BroadcastJobs.parse(row.getString("args")), row.getLong("id")),
                BroadcastJobs.KIND, lookback.toMillis(), limit);
    }
}
