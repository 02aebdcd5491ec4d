package io.parley.api.job;

import io.parley.api.testing.ApiClient.Session;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Puts jobs in a tenant's queue the way the pipeline does (JobQueue inside the tenant's transaction), then moves
 * them to the state a test needs as the database superuser, standing in for a worker (the API tests run none).
 */
final class Jobs {

    private final TenantScope scope;
    private final JobQueue queue;

    Jobs(TenantScope scope, JobQueue queue) {
        this.scope = scope;
        this.queue = queue;
    }

    long enqueue(Session owner, String kind, String argsJson) {
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        return scope.write(tenant, () -> queue.enqueue(tenant, JobRequest.of(kind, argsJson))).orElseThrow();
    }

    /** A job that failed {@code attempts} times and was given up. */
    long discarded(Session owner, String kind, int attempts) {
        long id = enqueue(owner, kind, "{}");
        update(id, "discarded", attempts, """
                [{"at": "2026-11-21T10:00:00.123456+00:00", "attempt": 1, "error": "java.io.IOException: reset"}]""");
        return id;
    }

    long completed(Session owner, String kind) {
        long id = enqueue(owner, kind, "{}");
        update(id, "completed", 1, "[]");
        return id;
    }

    private static void update(long id, String state, int attempts, String errors) {
        try (Connection superuser = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement update = superuser.prepareStatement("UPDATE jobs SET state = ?, attempt = ?, "
                     + "errors = CAST(? AS jsonb), finalized_at = now() WHERE id = ?")) {
            update.setString(1, state);
            update.setInt(2, attempts);
            update.setString(3, errors);
            update.setLong(4, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
