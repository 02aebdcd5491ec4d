package io.parley.core.queue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.tenancy.TenantId;

import java.io.IOException;
import java.util.function.Predicate;

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

    /**
     * This job's arguments read as {@code type} (a {@code @Serdeable} record). Arguments that cannot be read, or lack
     * what {@code complete} requires, can never succeed: the job is discarded ({@link JobDiscard}) with
     * {@code problem} as its error.
     */
    public <T> T args(JsonMapper json, Class<T> type, Predicate<? super T> complete, String problem) {
        T args;
        try {
            args = json.readValue(argsJson, type);
        } catch (IOException | RuntimeException e) {
            throw new JobDiscard(problem);
        }
        if (args == null || !complete.test(args)) {
            throw new JobDiscard(problem);
        }
        return args;
    }
}
