package io.parley.core.queue;

import io.parley.core.tenancy.TenantId;

/** A claimed job, handed to its {@link JobHandler} inside the job's tenant scope. */
public record Job(long id, TenantId tenant, String kind, String argsJson, int attempt, int maxAttempts) {

    public boolean isLastAttempt() {
        return attempt >= maxAttempts;
    }
}
