package io.parley.worker.ingress;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.message.InboundEvent;
import io.parley.core.testing.TestDatabase;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Concurrent requests share commits, and answer only after theirs. The inbound_events table is locked while the
 * requests arrive, so the one writer is stuck in its first transaction and the others must queue.
 */
@MicronautTest(transactional = false)
class GroupCommitTest extends WorkerTest {

    private static final int REQUESTS = 20;

    @Inject
    InboundEventStore store;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.ingress.writers", "1");
    }

    @Test
    void concurrentRequestsShareCommitsAndEachIsAnsweredAfterItsOwn() throws Exception {
        Channels.Created channel = channels().line();
        List<CompletableFuture<Optional<UUID>>> answers = new ArrayList<>();
        long commitsBefore;
        try (Connection lock = superuser()) {
            lockEvents(lock);
            commitsBefore = store.commits();
            for (int i = 0; i < REQUESTS; i++) {
                InboundEvent event = event(channel, "event-" + i);
                answers.add(CompletableFuture.supplyAsync(() -> store.store(channel.tenant(), event), this::virtual));
                if (i == 0) {
                    awaitTaken(); // the first is in the writer's blocked transaction, the others must queue
                }
            }
            awaitWaiting(REQUESTS - 1);
            Thread.sleep(200);
            assertThat(answers).as("nobody is answered before the commit").noneMatch(CompletableFuture::isDone);
            lock.commit();
        }

        for (CompletableFuture<Optional<UUID>> answer : answers) {
            assertThat(answer.get()).isPresent();
        }
        assertThat(store.commits() - commitsBefore).as("commits for " + REQUESTS + " requests").isEqualTo(2);
        assertThat(rows().events(channel.id())).hasSize(REQUESTS);
        assertThat(rows().jobs(channel.tenant().value())).hasSize(REQUESTS);
    }

    @Test
    void aRequestThatCannotBeStoredDoesNotFailTheOthersInItsBatch() throws Exception {
        Channels.Created channel = channels().line();
        Channels.Created other = channels().line();
        CompletableFuture<Optional<UUID>> first;
        CompletableFuture<Optional<UUID>> bad;
        CompletableFuture<Optional<UUID>> good;
        try (Connection lock = superuser()) {
            lockEvents(lock);
            first = CompletableFuture.supplyAsync(() -> store.store(channel.tenant(), event(channel, "first")), this::virtual);
            awaitTaken();
            // Too long for the unique index: this statement fails in PostgreSQL, not in Parley's checks.
            bad = CompletableFuture.supplyAsync(() -> store.store(channel.tenant(), event(channel, randomText(10_000))),
                    this::virtual);
            good = CompletableFuture.supplyAsync(() -> store.store(other.tenant(), event(other, "good")), this::virtual);
            awaitWaiting(2);
            lock.commit();
        }

        assertThat(first.get()).isPresent();
        assertThat(good.get()).isPresent();
        assertThatThrownBy(bad::get).isInstanceOf(ExecutionException.class);
        assertThat(rows().events(channel.id())).hasSize(1);
        assertThat(rows().events(other.id())).hasSize(1);
    }

    @Test
    void eventsOfSeveralTenantsShareOneCommitEachUnderItsOwnTenant() throws Exception {
        Channels.Created a = channels().line();
        Channels.Created b = channels().line();
        List<CompletableFuture<Optional<UUID>>> answers = new ArrayList<>();
        try (Connection lock = superuser()) {
            lockEvents(lock);
            answers.add(CompletableFuture.supplyAsync(() -> store.store(a.tenant(), event(a, "warm-up")), this::virtual));
            awaitTaken();
            answers.add(CompletableFuture.supplyAsync(() -> store.store(a.tenant(), event(a, "a-1")), this::virtual));
            answers.add(CompletableFuture.supplyAsync(() -> store.store(b.tenant(), event(b, "b-1")), this::virtual));
            awaitWaiting(2);
            lock.commit();
        }
        for (CompletableFuture<Optional<UUID>> answer : answers) {
            assertThat(answer.get()).isPresent();
        }

        assertThat(rows().query("SELECT tenant_id FROM inbound_events WHERE channel_id = ?", b.id()))
                .extracting(row -> row.get("tenant_id")).containsExactly(b.tenant().value());
        assertThat(rows().query("SELECT tenant_id FROM jobs WHERE unique_key = ?", "in:" + b.id() + ":b-1"))
                .extracting(row -> row.get("tenant_id")).containsExactly(b.tenant().value());
    }

    private void awaitWaiting(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (store.waiting() < requests && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.waiting()).as("requests queued behind the blocked commit").isEqualTo(requests);
    }

    /** The writer has taken the first request: its INSERT waits for the table lock. */
    private void awaitTaken() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (blockedInserts() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(blockedInserts()).isEqualTo(1);
    }

    private long blockedInserts() {
        return rows().query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO inbound_events%'").getFirst()
                .values().stream().mapToLong(n -> ((Number) n).longValue()).sum();
    }

    private static InboundEvent event(Channels.Created channel, String providerEventId) {
        return new InboundEvent(channel.id(), providerEventId, InboundEvent.Type.TEXT, "U1", null, "hi", null, null,
                null, null, null, true, Instant.now(), null);
    }

    private void virtual(Runnable task) {
        Thread.ofVirtual().start(task);
    }

    private static Connection superuser() throws Exception {
        var database = TestDatabase.shared();
        Connection connection = DriverManager.getConnection(database.database().jdbcUrl(),
                database.superuser().username(), database.superuser().password());
        connection.setAutoCommit(false);
        return connection;
    }

    private static void lockEvents(Connection connection) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.execute("LOCK TABLE inbound_events IN EXCLUSIVE MODE");
        }
    }

    private static String randomText(int length) {
        byte[] random = new byte[length];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random).substring(0, length);
    }
}
