package io.parley.core.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records completions in groups: while one UPDATE is in flight, the jobs finishing meanwhile queue up and go in
 * the next one, so a busy worker spends one commit on many jobs while a quiet one adds no delay. Completion is
 * the queue's most frequent write (every job ends with one), and PostgreSQL commits are what a 2-core machine
 * runs out of first.
 */
final class JobCompleter {

    private static final Logger LOG = LoggerFactory.getLogger(JobCompleter.class);
    private static final int MAX_GROUP = 1000;

    private final JobStore store;
    private final String worker;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread thread;

    JobCompleter(JobStore store, String worker) {
        this.store = store;
        this.worker = worker;
    }

    void start(String name) {
        thread = Thread.ofVirtual().name(name).start(this::run);
    }

    /**
     * Completes {@code job} and waits until that is committed: true when it was, false when the job was no
     * longer ours (its lease was lost and the job was rescued) or the database failed — then the lease expires
     * and the job runs again, which handlers are built for.
     */
    boolean complete(Job job) {
        Pending pending = new Pending(job, new CompletableFuture<>());
        if (!running) {
            return false; // shut down: the job was released, or its lease will expire
        }
        queue.add(pending);
        try {
            return pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("Could not record completion of job {}; it runs again after its lease expires: {}", job.id(),
                    e.getCause().getMessage());
            return false;
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Pending> group = new ArrayList<>();
                    group.add(first);
                    queue.drainTo(group, MAX_GROUP - 1);
                    flush(group);
                }
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private void flush(List<Pending> group) {
        try {
            Set<Long> done = store.complete(worker, group.stream().map(Pending::job).toList());
            group.forEach(pending -> pending.done().complete(done.contains(pending.job().id())));
        } catch (RuntimeException e) {
            group.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    /** Flushes what is queued, then stops. */
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join();
        }
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late); // a released job that finished after all: its row is no longer ours
        late.forEach(pending -> pending.done().complete(false));
    }

    private record Pending(Job job, CompletableFuture<Boolean> done) {
    }
}
