package io.parley.core.queue;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.parley.core.ServerRoles;
import io.parley.core.tenancy.TransactionLimit;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs queued jobs in a worker process (docs/architecture/queue.md): claims due jobs of the kinds it has a
 * {@link JobHandler} for, runs each on its own virtual thread (at most {@code concurrency} at once), records the
 * outcome, keeps leases alive while handlers run, rescues jobs of crashed workers, and on shutdown finishes or
 * hands back what it holds. It never holds a database connection while a handler runs.
 *
 * <p>It claims only kinds it can run, so a process without some handler (an old pod during a rollout, an
 * api-only test context) leaves those jobs for one that has it rather than discarding them.
 */
@Context
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
@Requires(property = "parley.queue.enabled", notEquals = "false")
@Requires(property = "datasources.default.url")
final class JobWorker implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final QueueSettings settings;
    private final JobStore store;
    private final Map<String, JobHandler> handlers;
    private final String id;
    private final Backoff backoff;
    private final Wakeup wakeup = new Wakeup();
    private final JobWakeListener listener;
    private final JobCompleter completer;
    /** Keyed by job and attempt: a job this process lost may come back to it as a new attempt. */
    private final Map<Job, Thread> running = new ConcurrentHashMap<>();
    private final Set<Job> released = ConcurrentHashMap.newKeySet();
    private final ProcessRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final JobMaintenance maintenance;
    private final JobQueue queue;
    private final JobQueue.LocalWorker local;
    private volatile boolean claiming = true;
    private Thread claimer;
    private volatile TransactionLimit handlerTransactions = TransactionLimit.NONE;
    private volatile List<JobObserver> observers = List.of();

    JobWorker(QueueSettings settings, JobStore store, JobQueue queue, List<JobHandler> handlers,
              @Value("${datasources.default.url}") String url,
              @Value("${datasources.default.username:}") String username,
              @Value("${datasources.default.password:}") String password) {
        this.settings = settings;
        this.store = store;
        this.handlers = byKind(handlers);
        this.queue = queue;
        this.local = new JobQueue.LocalWorker(this.handlers.keySet(),
                () -> inFlight.get() < settings.concurrency(), wakeup::signal, wakeup::signalAfter);
        this.id = workerId();
        this.backoff = new Backoff(settings.backoffUnit(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.listener = new JobWakeListener(url, username, password, wakeup);
        this.completer = new JobCompleter(store, id);
        this.registry = new ProcessRegistry(store, url, username, password);
        this.maintenance = new JobMaintenance(store, settings, backoff, id,
                () -> running.keySet().stream().filter(job -> !released.contains(job)).map(Job::id).toList(), wakeup,
                registry, this::declaredDead);
    }

    private static Map<String, JobHandler> byKind(List<JobHandler> handlers) {
        Map<String, JobHandler> byKind = new TreeMap<>();
        for (JobHandler handler : handlers) {
            JobHandler previous = byKind.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two job handlers for kind " + handler.kind() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return Map.copyOf(byKind);
    }

    /**
     * Caps the transactions all handlers hold at once below the pool size (docs/architecture/queue.md, "Database
     * connections"): {@code parley.queue.handler-connections}, by default the pool minus a quarter of it (at least
     * 3) kept for claims, heartbeats, completions, webhook acknowledgements and the API. A setter rather than a
     * constructor argument, so a worker built by hand (tests) runs uncapped.
     */
    @Inject
    void limitHandlerTransactions(@Value("${parley.queue.handler-connections:0}") int configured,
                                  @Value("${datasources.default.maximum-pool-size:10}") int poolSize) {
        int permits = configured > 0 ? configured : Math.max(1, poolSize - Math.max(3, poolSize / 4));
        handlerTransactions = new TransactionLimit(permits);
    }

    /** Metrics, traces and log context (docs/operations/observability.md); a worker built by hand has none. */
    @Inject
    void observe(List<JobObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    /** host (the pod name in Kubernetes) + pid + a random suffix, so two workers in one JVM differ too. */
    private static String workerId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "parley");
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        String id = host + ":" + ProcessHandle.current().pid() + ":" + HexFormat.of().formatHex(random);
        return id.length() <= 120 ? id : id.substring(id.length() - 120);
    }

    String id() {
        return id;
    }

    boolean listening() {
        return listener.listening();
    }

    /** Starts once the context is up: after Flyway (another context bean) has migrated the schema. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        start();
    }

    void start() {
        try {
            registry.register(id);
        } catch (RuntimeException e) {
            // The database may be down at start-up (the process must still start and answer health checks): the
            // first heartbeat that reaches the database finds this process missing and registers it then.
            LOG.warn("Job worker {} could not register yet ({}); it registers at its first heartbeat", id,
                    e.getMessage());
        }
        completer.start("job-completer");
        maintenance.start("job-maintenance");
        if (handlers.isEmpty()) {
            LOG.info("Job worker {}: no job handlers in this process, so it claims nothing", id);
            return;
        }
        listener.start("job-wake-listener");
        queue.attach(local); // jobs this process enqueues wake it in memory, without a NOTIFY
        claimer = Thread.ofVirtual().name("job-claimer").start(this::claimLoop);
        LOG.info("Job worker {} runs {} with concurrency {} ({} database transactions at once)", id,
                handlers.keySet(), settings.concurrency(),
                handlerTransactions.size() > 0 ? handlerTransactions.size() : "unlimited");
    }

    private void claimLoop() {
        while (claiming) {
            boolean more = false;
            int free = settings.concurrency() - inFlight.get();
            if (free > 0) {
                int wanted = Math.min(free, settings.claimBatch());
                try {
                    List<Job> jobs = store.claim(id, handlers.keySet(), wanted, settings.lease());
                    observeClaims(jobs);
                    jobs.forEach(this::launch);
                    more = jobs.size() == wanted; // a full batch: there may be more waiting
                } catch (RuntimeException e) {
                    LOG.warn("Job worker {} could not claim jobs ({}); trying again at the next poll", id,
                            e.getMessage());
                }
            }
            if (!more) {
                try {
                    wakeup.await(settings.pollInterval());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void observeClaims(List<Job> jobs) {
        if (observers.isEmpty() || jobs.isEmpty()) {
            return;
        }
        Map<String, Integer> byKind = new TreeMap<>();
        jobs.forEach(job -> byKind.merge(job.kind(), 1, Integer::sum));
        byKind.forEach((kind, count) -> observers.forEach(observer -> quietly(() -> observer.claimed(kind, count))));
    }

    /** An observer's fault must never cost a job: claimed jobs must launch, finished ones must be released. */
    private static void quietly(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.warn("A job observer failed: {}", e.toString());
        }
    }

    /** The handler inside every observer's {@link JobObserver#around}, the first observer outermost. */
    private void runObserved(Job job, JobHandler handler) throws Exception {
        JobObserver.Attempt attempt = () -> handler.run(job);
        for (JobObserver observer : observers.reversed()) {
            JobObserver.Attempt inner = attempt;
            attempt = () -> observer.around(job, inner);
        }
        attempt.run();
    }

    private void launch(Job job) {
        inFlight.incrementAndGet();
        Thread thread = Thread.ofVirtual().name("job-" + job.id() + "-" + job.kind()).unstarted(() -> execute(job));
        running.put(job, thread);
        thread.start();
    }

    private void execute(Job job) {
        try {
            JobHandler handler = handlers.get(job.kind());
            Throwable failure = null;
            long start = System.nanoTime();
            try {
                if (handler == null) { // cannot happen while claims name our kinds; never leave a job running
                    throw new JobDiscard("no handler for job kind " + job.kind() + " in worker " + id);
                }
                handlerTransactions.call(() -> {
                    runObserved(job, handler);
                    return null;
                });
            } catch (Throwable thrown) {
                failure = thrown;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            JobObserver.Outcome outcome;
            if (released.contains(job)) {
                // shutdown handed it back, or another worker took it over; its result is not ours to record
                outcome = JobObserver.Outcome.RELEASED;
            } else if (failure == null) {
                outcome = JobObserver.Outcome.COMPLETED;
                if (!completer.complete(job)) {
                    outcome = JobObserver.Outcome.RELEASED;
                    LOG.warn("Job {} ({}) finished after its lease was lost; its result was dropped", job.id(),
                            job.kind());
                }
            } else {
                outcome = recordFailure(job, failure);
            }
            JobObserver.Outcome ended = outcome;
            observers.forEach(observer -> quietly(() -> observer.finished(job, ended, took)));
        } finally {
            running.remove(job);
            released.remove(job);
            inFlight.decrementAndGet();
            wakeup.signal(); // a free slot, and perhaps the next job of this serial key
        }
    }

    private JobObserver.Outcome recordFailure(Job job, Throwable thrown) {
        JobFailure failure = JobFailure.of(job, thrown, backoff);
        if (failure.discarded()) {
            LOG.warn("Job {} ({}) discarded after attempt {}/{}: {}", job.id(), job.kind(), job.attempt(),
                    job.maxAttempts(), failure.error());
        } else {
            LOG.info("Job {} ({}) failed attempt {}/{}, retrying in {} ms: {}", job.id(), job.kind(), job.attempt(),
                    job.maxAttempts(), failure.retryAfter().toMillis(), failure.error());
        }
        LOG.debug("Job {} failure", job.id(), thrown);
        try {
            boolean ours = store.fail(job, id, failure);
            if (ours && !failure.discarded() && failure.retryAfter().compareTo(settings.pollInterval()) < 0) {
                wakeup.signalAfter(failure.retryAfter());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failure of job {}; it runs again after its lease expires: {}", job.id(),
                    e.getMessage());
        }
        return failure.discarded() ? JobObserver.Outcome.DISCARDED : JobObserver.Outcome.RETRIED;
    }

    /**
     * Another worker declared this process dead (it sent no heartbeat for {@code process-timeout}: a long pause, or
     * the database was out of reach) and handed its jobs back, so they may already be running elsewhere. Their
     * results here must not count and their handlers must stop before sending anything (the send handler checks
     * that its job is still held before each provider call): drop them, interrupt them, hand back any the
     * database still lists as ours, and register again as a live process.
     */
    private void declaredDead() {
        Map<Job, Thread> lost = Map.copyOf(running);
        released.addAll(lost.keySet());
        LOG.warn("Job worker {} was declared dead by another worker (no heartbeat for {}); dropping its {} running "
                + "job(s), which run elsewhere", id, settings.processTimeout(), lost.size());
        if (!lost.isEmpty()) {
            store.release(id, lost.keySet().stream().map(Job::id).toList());
        }
        lost.values().forEach(Thread::interrupt);
        registry.register(id);
    }

    /**
     * Stops claiming, waits up to {@code shutdownTimeout} for running jobs, then hands the rest back to the queue
     * without counting their attempt and interrupts their handlers.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        claiming = false;
        queue.detach(local);
        listener.stop();
        wakeup.signal();
        if (claimer != null) {
            claimer.join();
        }
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        while (inFlight.get() > 0 && deadline - System.nanoTime() > 0) {
            Thread.sleep(10);
        }
        Map<Job, Thread> leftovers = Map.copyOf(running);
        if (!leftovers.isEmpty()) {
            released.addAll(leftovers.keySet());
            try {
                int handedBack = store.release(id, leftovers.keySet().stream().map(Job::id).toList());
                LOG.warn("Job worker {} stopped with {} job(s) still running; handed {} back to the queue", id,
                        leftovers.size(), handedBack);
            } catch (RuntimeException e) {
                LOG.warn("Could not hand back {} running job(s); they run again after their leases expire: {}",
                        leftovers.size(), e.getMessage());
            }
            leftovers.values().forEach(Thread::interrupt);
        }
        maintenance.stop();
        completer.stop();
        registry.closeDedicated();
        try {
            registry.deregister(id);
        } catch (RuntimeException e) {
            LOG.warn("Could not deregister job worker {}; it is declared dead after {} without heartbeats: {}", id,
                    settings.processTimeout(), e.getMessage());
        }
    }
}
