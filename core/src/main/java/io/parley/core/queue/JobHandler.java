package io.parley.core.queue;

/**
 * Runs jobs of one kind. Contract:
 * <ul>
 *   <li>{@link #run} is called on a virtual thread, outside any transaction; the handler opens its own tenant
 *       scope(s) with {@code TenantScope} for {@code job.tenant()}.</li>
 *   <li>It must be idempotent: a job can run again after a crash or a lost lease.</li>
 *   <li>Returning normally completes the job. Throwing {@link JobRetryAfter} retries after that delay;
 *       {@link JobDiscard} discards at once (no point retrying); any other exception retries with exponential
 *       backoff and jitter until {@code maxAttempts}, then the job is discarded (visible in the jobs API).</li>
 * </ul>
 */
public interface JobHandler {

    /** The job kind this handler runs, e.g. "inbound.turn". */
    String kind();

    void run(Job job) throws Exception;
}
