package io.parley.worker.ingress;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.Fixtures;
import io.parley.core.testing.TestDatabase;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moment the database stops: a request whose connection is ended by the server (what a PostgreSQL shutdown
 * does to connections in use: FATAL 57P01 "terminating connection due to administrator command") answers 503 with
 * Retry-After, never 500, stores nothing it did not acknowledge, and the provider's retry is stored once.
 */
@MicronautTest(transactional = false)
class DatabaseStopTest extends WorkerTest {

    private static final String LINE_SIGNATURE = "Yg8kDurb42yK9/H5HOWd960/nMK6i+qG26T9Ir2almk=";

    @Test
    void aWebhookCutOffByADatabaseShutdownIsUnavailableAndItsRetryIsStored() throws Exception {
        Channels.Created channel = channels().line();
        Supplier<Reply> webhook = () -> http().post("webhooks/line/" + channel.id(),
                Fixtures.bytes("line-webhook-text.json"), Map.of("x-line-signature", LINE_SIGNATURE));

        Reply cutOff = whileTheDatabaseEndsTheWritingConnection(webhook);

        assertUnavailable(cutOff);
        assertThat(rows().events(channel.id())).as("not acknowledged, not stored").isEmpty();
        assertThat(webhook.get().status()).as("the provider's retry").isEqualTo(200);
        assertThat(rows().events(channel.id())).hasSize(1);
    }

    @Test
    void aChatMessageCutOffByADatabaseShutdownIsUnavailable() throws Exception {
        Channels.Created web = channels().web();
        Supplier<Reply> message = () -> http().post("chat/" + web.widgetKey() + "/messages",
                "{\"sessionId\":\"s_0123456789abcdef\",\"clientMessageId\":\"m-00000001\",\"text\":\"hi\"}", Map.of());

        Reply cutOff = whileTheDatabaseEndsTheWritingConnection(message);

        assertUnavailable(cutOff);
        assertThat(message.get().status()).as("the widget's retry").isIn(200, 202);
    }

    /**
     * Holds a lock on inbound_events so the request's INSERT waits, then terminates the waiting backend as a
     * shutdown would (pg_terminate_backend sends it SIGTERM: the client gets 57P01).
     */
    private static Reply whileTheDatabaseEndsTheWritingConnection(Supplier<Reply> request) throws Exception {
        TestDatabase database = TestDatabase.shared();
        try (Connection lock = superuser(database); Connection admin = superuser(database);
             Statement statement = lock.createStatement(); Statement terminate = admin.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE inbound_events IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(request);
            int terminated = 0;
            for (int attempt = 0; attempt < 200 && terminated == 0 && !reply.isDone(); attempt++) {
                Thread.sleep(50);
                // From another connection: pg_stat_activity is a snapshot held for a whole transaction.
                try (ResultSet ended = terminate.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query ILIKE '%inbound_events%'")) {
                    while (ended.next()) {
                        terminated++;
                    }
                }
            }
            lock.rollback();
            assertThat(terminated).as("a request was waiting for the lock; it answered "
                    + (reply.isDone() ? reply.get().status() + " " + reply.get().text() : "nothing")).isPositive();
            return reply.get(30, TimeUnit.SECONDS);
        }
    }

    private static Connection superuser(TestDatabase database) throws java.sql.SQLException {
        return DriverManager.getConnection(database.database().jdbcUrl(), database.superuser().username(),
                database.superuser().password());
    }

    private static void assertUnavailable(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.text()).doesNotContain("Exception");
    }
}
