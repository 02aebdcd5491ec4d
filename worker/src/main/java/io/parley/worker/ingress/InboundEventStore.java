package io.parley.worker.ingress;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.parley.core.ServerRoles;
import io.parley.core.message.InboundEvent;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.DatabaseOutage;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.parley.worker.ingress.InboundEventWriter.EventRow;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable acknowledgement of webhooks: stores a request's events and enqueues one {@code inbound.turn} job per
 * new event, all in one transaction, and returns only after COMMIT — so a 200 always means "durable".
 *
 * <p>Group commit: PostgreSQL commits only so many transactions per second (each waits for its WAL flush), fewer
 * than the webhooks a busy install receives. Requests therefore hand their events to a few writer threads; each
 * writer takes every request waiting at that moment and stores them with one multi-row INSERT per tenant (events)
 * plus one for their jobs, in ONE transaction, then completes every request's future. Alone, a request is written
 * at once; under load, one commit serves many. Several tenants share a transaction, each statement under its own
 * tenant's row-level-security setting ({@link TenantScope#writeEach}). A request's events are never split.
 *
 * <p>Failures: if the database is unreachable, every request of the batch gets 503 (providers retry). Any other
 * failure retries the batch's requests one by one, so one bad request cannot fail its neighbours.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class InboundEventStore {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEventStore.class);

    private final TenantScope scope;
    private final InboundEventWriter writer;
    private final JobQueue jobs;
    private final IngressSettings settings;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean running = true;

    /** A request that was queued but will not be written (shutdown): it gets 503 like an outage. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("Parley is shutting down", null, false, false);
        }
    }

    private record Pending(TenantId tenant, List<EventRow> rows, CompletableFuture<List<UUID>> done) {
    }

    InboundEventStore(TenantScope scope, InboundEventWriter writer, JobQueue jobs, IngressSettings settings) {
        this.scope = scope;
        this.writer = writer;
        this.jobs = jobs;
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        for (int i = 0; i < settings.writers(); i++) {
            writers.add(Thread.ofVirtual().name("ingress-writer-" + i).start(this::drain));
        }
    }

    /**
     * Stores the events (of one channel request) durably with their turn jobs; returns the ids of the events that
     * were new, in order (duplicates of stored events are left out). Blocks until committed; 503 problem when the
     * database is unreachable or the ingress is overloaded.
     */
    public List<UUID> store(TenantId tenant, List<InboundEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Pending pending = new Pending(tenant, events.stream().map(writer::row).toList(), new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw unavailable("Parley is receiving more events than it can store right now");
        }
        try {
            return pending.done().get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unavailable("Storing the events took too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while storing the events");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Abandoned) {
                throw unavailable("Parley is shutting down");
            }
            if (unreachable(e.getCause())) {
                throw unavailable("The database is unreachable");
            }
            throw new IllegalStateException("Could not store inbound events", e.getCause());
        }
    }

    /** One event; its new id, or empty when it was a duplicate. */
    public Optional<UUID> store(TenantId tenant, InboundEvent event) {
        return store(tenant, List.of(event)).stream().findFirst();
    }

    /** Transactions committed so far (tests check that concurrent requests share them). */
    long commits() {
        return commits.get();
    }

    /** Requests waiting for a writer. */
    int waiting() {
        return queue.size();
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int events = first.rows().size();
                Pending next;
                while (events < settings.maxEventsPerCommit() && (next = queue.poll()) != null) {
                    batch.add(next);
                    events += next.rows().size();
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        Map<Pending, List<UUID>> stored;
        try {
            stored = write(batch);
            commits.incrementAndGet();
        } catch (RuntimeException e) {
            if (batch.size() > 1 && !unreachable(e)) {
                LOG.warn("A batch of {} webhook requests failed ({}); storing them one by one", batch.size(),
                        e.getMessage());
                batch.forEach(pending -> commit(List.of(pending)));
            } else {
                batch.forEach(pending -> pending.done().completeExceptionally(e));
            }
            return;
        }
        batch.forEach(pending -> pending.done().complete(stored.get(pending)));
    }

    private Map<Pending, List<UUID>> write(List<Pending> batch) {
        Map<TenantId, List<Pending>> byTenant = new LinkedHashMap<>();
        batch.forEach(pending -> byTenant.computeIfAbsent(pending.tenant(), t -> new ArrayList<>()).add(pending));
        Map<Pending, List<UUID>> stored = new IdentityHashMap<>();
        scope.writeEach(byTenant.keySet(), tenant -> {
            List<Pending> requests = byTenant.get(tenant);
            List<EventRow> rows = requests.stream().flatMap(pending -> pending.rows().stream()).toList();
            Set<UUID> inserted = writer.insert(tenant, rows);
            List<JobRequest> turns = rows.stream().filter(row -> inserted.contains(row.id())).map(EventRow::job).toList();
            jobs.enqueueAll(tenant, turns);
            for (Pending pending : requests) {
                stored.put(pending, pending.rows().stream().map(EventRow::id).filter(inserted::contains).toList());
            }
        });
        return stored;
    }

    /** Connection failures (SQLSTATE class 08, pool timeouts): the database is down, not the request wrong. */
    /** The one classification of "the database is not there" (http's DatabaseOutage: 08xxx, 57P01…, pool). */
    private static boolean unreachable(Throwable failure) {
        return DatabaseOutage.isOutage(failure);
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(ProblemKind.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
                why + "; nothing was acknowledged, retry later.", List.of(), Map.of("Retry-After", "5"));
    }

    @PreDestroy
    void stop() {
        running = false; // writers finish what is queued, then exit
        for (Thread thread : writers) {
            try {
                if (!thread.join(Duration.ofSeconds(10))) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new Abandoned());
        }
    }
}
