package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wake-ups: an enqueued job starts at once, not at the next poll — woken in memory when this process's worker runs
 * it, through LISTEN/NOTIFY when another process enqueued it.
 */
@MicronautTest(transactional = false)
class WakeUpTest extends QueueTest {

    @Inject
    DataSource dataSource;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aJobOfAKindThisProcessRunsStartsWithinMomentsWithoutANotify() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("prompt");
        CompletableFuture<Long> startedAt = idleWorkerFor(kind);

        try (Connection listen = listen()) {
            long enqueuedAt = System.nanoTime();
            enqueue(tenant, JobRequest.of(kind, "{}"));

            long started = startedAt.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(started - enqueuedAt)).isLessThan(Duration.ofMillis(500));
            assertThat(notifications(listen)).as("NOTIFY parley_jobs sent").isZero();
        }
    }

    @Test
    void aJobEnqueuedByAnotherProcessStartsWithinMomentsThroughNotify() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("elsewhere");
        CompletableFuture<Long> startedAt = idleWorkerFor(kind);
        JobQueue otherProcess = new JobQueue(dataSource, transactions); // no worker of its own attached

        try (Connection listen = listen()) {
            long enqueuedAt = System.nanoTime();
            scope.write(tenant, () -> otherProcess.enqueue(tenant, JobRequest.of(kind, "{}")));

            long started = startedAt.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(started - enqueuedAt)).isLessThan(Duration.ofMillis(500));
            assertThat(notifications(listen)).as("NOTIFY parley_jobs sent").isEqualTo(1);
        }
    }

    @Test
    void aJobNoWorkerOfThisProcessRunsIsAnnouncedToTheOthers() throws Exception {
        TenantId tenant = newTenant();
        startWorker(settings().poll(Duration.ofHours(1)).build(), handler(kind("busy"), job -> { }));

        try (Connection listen = listen()) {
            enqueue(tenant, JobRequest.of(kind("unhandled-here"), "{}"));

            assertThat(notifications(listen)).as("NOTIFY parley_jobs sent").isEqualTo(1);
        }
    }

    @Test
    void theNextJobOfAKeyStartsAsSoonAsItsPredecessorCompletes() throws Exception {
        TenantId tenant = newTenant();
        String kind = kind("chain");
        CompletableFuture<Long> secondStartedAt = new CompletableFuture<>();
        long[] firstId = new long[1];
        CompletableFuture<Long> firstEndedAt = new CompletableFuture<>();
        JobWorker worker = startWorker(settings().poll(Duration.ofHours(1)).build(), handler(kind, job -> {
            if (job.id() == firstId[0]) {
                Thread.sleep(200);
                firstEndedAt.complete(System.nanoTime());
            } else {
                secondStartedAt.complete(System.nanoTime());
            }
        }));
        await(worker::listening, Duration.ofSeconds(5), "the worker to listen");

        firstId[0] = scope.write(tenant, () -> {
            long first = queue.enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:chain")).orElseThrow();
            queue.enqueue(tenant, JobRequest.of(kind, "{}").serial("conv:chain"));
            return first;
        });

        long started = secondStartedAt.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(started - firstEndedAt.get())).isLessThan(Duration.ofMillis(500));
    }

    /**
     * Starts a worker for {@code kind} that polls only hourly and lets its start-up claim pass, so only a wake-up can
     * start a job; completes with the time the first job started.
     */
    private CompletableFuture<Long> idleWorkerFor(String kind) {
        CompletableFuture<Long> startedAt = new CompletableFuture<>();
        JobWorker worker = startWorker(settings().poll(Duration.ofHours(1)).build(),
                handler(kind, job -> startedAt.complete(System.nanoTime())));
        await(worker::listening, Duration.ofSeconds(5), "the worker to listen");
        sleep(100);
        return startedAt;
    }

    private static Connection listen() throws Exception {
        var database = TestDatabase.shared().database();
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.appRole(),
                database.appPassword());
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + JobQueue.WAKE_CHANNEL);
        }
        return connection;
    }

    /** The parley_jobs notifications that reach a listener within 300 ms (other tests' are not in flight). */
    private static int notifications(Connection listen) throws Exception {
        PGNotification[] received = listen.unwrap(PGConnection.class).getNotifications(300);
        return received == null ? 0 : received.length;
    }
}
