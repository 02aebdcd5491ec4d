package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dead processes (docs/architecture/queue.md): a worker process that stops heartbeating has its running jobs taken
 * over by a live one within seconds — long before their leases expire — and a process that was only paused and
 * finds itself declared dead drops what it held instead of finishing or sending it.
 */
@MicronautTest(transactional = false)
class ProcessTakeoverTest extends QueueTest {

    private static final Duration LONG_LEASE = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Test
    void aDeadProcesssJobIsTakenOverWithinSecondsNotAfterItsLease() {
        TenantId tenant = newTenant();
        String kind = kind("killed");
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        // A process registers, claims the job with a 60 s lease, then is killed: no heartbeat ever again.
        ProcessRegistry registry = new ProcessRegistry(store);
        registry.register("killed-process");
        assertThat(store.claim("killed-process", List.of(kind), 10, LONG_LEASE)).hasSize(1);
        AtomicInteger runs = new AtomicInteger();
        long killedAt = System.nanoTime();
        startWorker(settings().lease(LONG_LEASE).processes(Duration.ofMillis(200), Duration.ofSeconds(1)).build(),
                handler(kind, job -> runs.incrementAndGet()));

        JobRow done = awaitState(tenant, id, "completed", Duration.ofSeconds(10));

        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(takeover).as("taken over after the 1 s timeout plus a heartbeat, not the 60 s lease")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(runs).hasValue(1);
        assertThat(done.attempt()).as("the dead process's attempt counts").isEqualTo(2);
        assertThat(errors(done)).singleElement().satisfies(error ->
                assertThat(error.get("error")).isEqualTo("worker killed-process died (no heartbeat) during attempt 1"));
    }

    @Test
    void aLiveProcessIsNotDeclaredDeadWhileItHeartbeats() {
        TenantId tenant = newTenant();
        String kind = kind("slow-alive");
        AtomicInteger runs = new AtomicInteger();
        QueueSettings fast = settings().lease(LONG_LEASE).processes(Duration.ofMillis(100), Duration.ofMillis(400))
                .build();
        JobHandler slow = handler(kind, job -> {
            runs.incrementAndGet();
            Thread.sleep(2000); // five process timeouts long
        });
        startWorker(fast, slow);
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        startWorker(fast, slow); // ready to take the job over, should the first be declared dead

        JobRow done = awaitState(tenant, id, "completed", Duration.ofSeconds(10));

        assertThat(runs).hasValue(1);
        assertThat(done.attempt()).isEqualTo(1);
    }

    @Test
    void aProcessNeverDeclaresItselfDeadHoweverOldItsHeartbeatLooks() {
        TenantId tenant = newTenant();
        String kind = kind("self");
        enqueue(tenant, JobRequest.of(kind, "{}"));
        ProcessRegistry registry = new ProcessRegistry(store);
        registry.register("starved-process");
        assertThat(store.claim("starved-process", List.of(kind), 10, LONG_LEASE)).hasSize(1);
        // its maintenance thread beat, then waited longer than the timeout for a pooled connection
        scope.asQueue(() -> {
            try (PreparedStatement silence = dataSource.getConnection().prepareStatement(
                    "UPDATE queue_processes SET heartbeat_at = now() - interval '1 hour' WHERE id = ?")) {
                silence.setString(1, "starved-process");
                return silence.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        int takenOver = scope.asQueue(() -> registry.takeOver("starved-process", Duration.ofSeconds(1), 100));

        assertThat(takenOver).isZero();
        assertThat(declaredDead("starved-process")).isFalse();
        assertThat(scope.asQueue(() -> registry.takeOver("another-process", Duration.ofSeconds(1), 100)))
                .as("another process does declare it dead and hands its job back").isEqualTo(1);
        assertThat(declaredDead("starved-process")).isTrue();
    }

    @Test
    void aPausedProcessDeclaredDeadDropsItsJobAndCannotHandItOver() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("paused");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean stillHeldAfterResume = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        JobHandler pausing = handler(kind, job -> {
            if (runs.incrementAndGet() > 1) {
                return; // the attempt that took over
            }
            started.countDown();
            try {
                resume.await(); // "paused": a long GC, or the database out of reach
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            Thread.interrupted(); // (a second interrupt may be pending; this test asks about the lease, not that)
            // what a send does before handing a message to a provider
            try {
                stillHeldAfterResume.set(scope.write(tenant, () -> queue.held(job)));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        QueueSettings settings = settings().lease(LONG_LEASE).processes(Duration.ofMillis(100), Duration.ofSeconds(1))
                .build();
        JobWorker paused = startWorker(settings, pausing);
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // Another process finds it silent (its last heartbeat an hour ago), declares it dead and hands its job back;
        // one transaction, so the paused process's own heartbeat cannot slip in between.
        int takenOver = scope.asQueue(() -> {
            try (PreparedStatement silence = dataSource.getConnection().prepareStatement(
                    "UPDATE queue_processes SET heartbeat_at = now() - interval '1 hour' WHERE id = ?")) {
                silence.setString(1, paused.id());
                silence.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return new ProcessRegistry(store).takeOver("another-process", Duration.ofSeconds(1), 100);
        });
        assertThat(takenOver).isEqualTo(1);
        startWorker(settings, pausing);
        JobRow done = awaitState(tenant, id, "completed", Duration.ofSeconds(10));
        await(interrupted::get, Duration.ofSeconds(5), "the paused process to interrupt its lost job");

        await(() -> failure.get() != null || !stillHeldAfterResume.get(), Duration.ofSeconds(5), "the lease check");
        assertThat(failure.get()).isNull();
        assertThat(stillHeldAfterResume).as("the lost attempt may not hand anything to a provider").isFalse();
        assertThat(runs).hasValue(2);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(declaredDead(paused.id())).as("it registered again as a live process").isFalse();
        // and it works again: it claims and completes a new job
        TenantId other = newTenant();
        long next = enqueue(other, JobRequest.of(kind, "{}"));
        assertThat(awaitState(other, next, "completed", Duration.ofSeconds(10)).attempt()).isEqualTo(1);
    }

    @Test
    void aCleanlyStoppedProcessIsDeregisteredAndWhatItStillHeldIsTakenOverAtOnce() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("straggler");
        QueueSettings settings = settings().lease(LONG_LEASE).processes(Duration.ofMillis(100), Duration.ofMinutes(1))
                .build();
        JobWorker stopped = startWorker(settings);
        stopped.stop();
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        // a job it claimed but never handed back (e.g. the hand-back failed)
        assertThat(store.claim(stopped.id(), List.of(kind), 10, LONG_LEASE)).hasSize(1);
        AtomicInteger runs = new AtomicInteger();

        startWorker(settings, handler(kind, job -> runs.incrementAndGet()));

        assertThat(awaitState(tenant, id, "completed", Duration.ofSeconds(5)).attempt()).isEqualTo(2);
        assertThat(runs).hasValue(1);
    }

    private boolean declaredDead(String worker) {
        return scope.asQueue(() -> {
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(
                    "SELECT declared_dead_at IS NOT NULL FROM queue_processes WHERE id = ?")) {
                select.setString(1, worker);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
