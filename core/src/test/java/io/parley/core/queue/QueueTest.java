package io.parley.core.queue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the queue's tests: the context's own worker is off, and each test starts the workers it needs with
 * the settings and handlers it needs (stopped after the test). Each test uses job kinds of its own, and workers
 * claim only kinds they have handlers for, so tests never run each other's jobs.
 */
abstract class QueueTest implements DatabaseTest {

    @Inject
    TenantScope scope;
    @Inject
    JobQueue queue;
    @Inject
    JobStore store;
    @Inject
    JobRepository jobs;
    @Inject
    JsonMapper json;

    private final List<JobWorker> workers = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.queue.enabled", "false");
        return properties;
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (JobWorker worker : workers) {
            worker.stop();
        }
        workers.clear();
    }

    /** Starts a worker on the test database, as the app role, like the context's own would. */
    JobWorker startWorker(QueueSettings settings, JobHandler... handlers) {
        var database = TestDatabase.shared().database();
        JobWorker worker = new JobWorker(settings, store, queue, List.of(handlers), database.jdbcUrl(),
                database.appRole(), database.appPassword());
        workers.add(worker);
        worker.start();
        return worker;
    }

    static Settings settings() {
        return new Settings();
    }

    static String kind(String name) {
        return "test." + name + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    static TenantId newTenant() {
        return new TenantId(Ids.next());
    }

    static JobHandler handler(String kind, Body body) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void run(Job job) throws Exception {
                body.run(job);
            }
        };
    }

    long enqueue(TenantId tenant, JobRequest request) {
        return scope.write(tenant, () -> queue.enqueue(tenant, request)).orElseThrow();
    }

    JobRow row(TenantId tenant, long id) {
        return scope.read(tenant, () -> jobs.find(tenant.value(), id)).orElseThrow();
    }

    JobRow awaitState(TenantId tenant, long id, String state, Duration timeout) {
        await(() -> row(tenant, id).state().equals(state), timeout, "job " + id + " to become " + state);
        return row(tenant, id);
    }

    /** The job's {@code errors}: [{at, attempt, error}, …]. */
    List<Map<String, Object>> errors(JobRow row) {
        try {
            return json.readValue(row.errors(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited " + timeout + " for " + what).isNegative();
            sleep(10);
        }
    }

    interface Body {
        void run(Job job) throws Exception;
    }

    /** Queue settings for tests: fast backoff and polls unless a test says otherwise. */
    static final class Settings {
        private int concurrency = 8;
        private Duration lease = Duration.ofSeconds(60);
        private Duration poll = Duration.ofMillis(200);
        private Duration rescue = Duration.ofSeconds(15);
        private Duration shutdown = Duration.ofSeconds(5);
        private Duration backoffUnit = Duration.ofMillis(10);
        private Duration processHeartbeat = Duration.ofSeconds(1);
        private Duration processTimeout = Duration.ofSeconds(5);

        Settings processes(Duration heartbeat, Duration timeout) {
            processHeartbeat = heartbeat;
            processTimeout = timeout;
            return this;
        }

        Settings concurrency(int value) {
            concurrency = value;
            return this;
        }

        Settings lease(Duration value) {
            lease = value;
            return this;
        }

        Settings poll(Duration value) {
            poll = value;
            return this;
        }

        Settings rescue(Duration value) {
            rescue = value;
            return this;
        }

        Settings shutdown(Duration value) {
            shutdown = value;
            return this;
        }

        Settings backoffUnit(Duration value) {
            backoffUnit = value;
            return this;
        }

        QueueSettings build() {
            return new QueueSettings(concurrency, 100, lease, poll, rescue, shutdown, backoffUnit, Duration.ofHours(1),
                    Duration.ofHours(24), Duration.ofDays(7), processHeartbeat, processTimeout);
        }
    }
}
