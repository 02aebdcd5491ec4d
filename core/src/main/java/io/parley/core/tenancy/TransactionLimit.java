package io.parley.core.tenancy;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A cap on how many {@link TenantScope} transactions one kind of work holds at once, for the threads that run that
 * work inside {@link #call}. The job queue runs every handler inside one (docs/architecture/queue.md, "Database
 * connections"): thousands of jobs in flight then wait here, in arrival order and without a timeout, for their short
 * database steps, instead of draining the pool — so the queue's own claims, heartbeats and completions, webhook
 * acknowledgements and API requests, which are not capped, still find a connection at once, and no handler fails
 * because the pool's connection timeout passed (a send the provider took but could not record, bench/README.md).
 *
 * <p>A transaction opened inside another on the same thread joins it and takes no second permit.
 */
public final class TransactionLimit {

    /** No cap: transactions go straight to the pool. */
    public static final TransactionLimit NONE = new TransactionLimit(0);

    private static final ScopedValue<Holder> CURRENT = ScopedValue.newInstance();

    private final Semaphore permits;
    private final int size;

    /** {@code permits} transactions at once; 0 for none (no cap). */
    public TransactionLimit(int permits) {
        this.size = permits;
        this.permits = new Semaphore(Math.max(permits, 0), true);
    }

    public int size() {
        return size;
    }

    /** Permits free right now. */
    int available() {
        return permits.availablePermits();
    }

    /** Runs {@code work} with this cap on every tenant transaction it opens on this thread. */
    public <T> T call(Callable<T> work) throws Exception {
        if (size <= 0) {
            return work.call();
        }
        return ScopedValue.where(CURRENT, new Holder(this)).call(work::call);
    }

    /** Called by {@link TenantScope} around each transaction. */
    static <T> T admit(Supplier<T> transaction) {
        if (!CURRENT.isBound()) {
            return transaction.get();
        }
        Holder holder = CURRENT.get();
        if (holder.depth > 0) {
            return nested(holder, transaction);
        }
        try {
            holder.limit.permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database connection", e);
        }
        try {
            return nested(holder, transaction);
        } finally {
            holder.limit.permits.release();
        }
    }

    private static <T> T nested(Holder holder, Supplier<T> transaction) {
        holder.depth++;
        try {
            return transaction.get();
        } finally {
            holder.depth--;
        }
    }

    /** One per bound thread (a job's virtual thread), so its depth needs no synchronisation. */
    private static final class Holder {
        private final TransactionLimit limit;
        private int depth;

        private Holder(TransactionLimit limit) {
            this.limit = limit;
        }
    }
}
