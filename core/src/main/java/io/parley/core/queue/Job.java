package io.parley.core.queue;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.tenancy.TenantId;

/**
 * A claimed job, handed to its {@link JobHandler} inside the job's tenant scope. {@code worker} is the process that
 * claimed it ({@code locked_by}); {@link JobQueue#held(Job)} tells whether it still holds this attempt;
 * {@code traceParent} the trace it continues (see {@link JobRequest#traceParent()}).
 */
public record Job(long id, TenantId tenant, String kind, String argsJson, int attempt, int maxAttempts,
                  @Nullable String worker, @Nullable String traceParent) {

    public Job(long id, TenantId tenant, String kind, String argsJson, int attempt, int maxAttempts,
               @Nullable String worker) {
        this(id, tenant, kind, argsJson, attempt, maxAttempts, worker, null);
    }

    /** A job not claimed through the queue (tests): nothing to check it against. */
    public Job(long id, TenantId tenant, String kind, String argsJson, int attempt, int maxAttempts) {
        this(id, tenant, kind, argsJson, attempt, maxAttempts, null);
    }

    public boolean isLastAttempt() {
        return attempt >= maxAttempts;
    }
}
