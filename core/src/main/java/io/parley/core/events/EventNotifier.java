package io.parley.core.events;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Sends the events of committed transactions with NOTIFY, many transactions' events in one transaction of its own.
 *
 * <p>Why: a transaction that NOTIFYs takes a database-wide lock at commit and holds it through its WAL flush, so
 * every NOTIFYing transaction commits after the previous one (bench/README.md: 61 % of the database's samples waited
 * there once the usage counters were fixed). The turn's transactions all publish an event, so NOTIFYing in each
 * made every turn wait its turn to commit. One sender thread takes whatever events are waiting, sends them with one
 * statement and commits: under load one commit lock serves many turns, alone an event leaves at once. Events keep
 * their order, and the events of one transaction stay together.
 */
@Singleton
final class EventNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(EventNotifier.class);
    private static final List<String> STOP = List.of();

    private final TransactionOperations<Connection> transactions;
    private final LinkedBlockingQueue<List<String>> waiting = new LinkedBlockingQueue<>();
    private final Thread sender;

    EventNotifier(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.sender = Thread.ofVirtual().name("tenant-event-notifier").start(this::run);
    }

    /** Sends the payloads of one committed transaction, in order, soon. */
    void send(List<String> payloads) {
        if (!payloads.isEmpty()) {
            waiting.add(List.copyOf(payloads));
        }
    }

    private void run() {
        boolean stopping = false;
        while (!stopping) {
            List<List<String>> batch = new ArrayList<>();
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                stopping = true;
            }
            waiting.drainTo(batch);
            stopping |= batch.removeIf(payloads -> payloads == STOP);
            List<String> payloads = batch.stream().flatMap(List::stream).toList();
            if (!payloads.isEmpty()) {
                notifyAll(payloads);
            }
        }
    }

    private void notifyAll(List<String> payloads) {
        try {
            transactions.execute(TransactionDefinition.DEFAULT, status -> {
                Connection connection = status.getConnection();
                try (PreparedStatement notify = connection.prepareStatement(
                        "SELECT pg_notify(?, p) FROM unnest(CAST(? AS text[])) AS p")) {
                    notify.setString(1, TenantEvents.CHANNEL);
                    notify.setArray(2, connection.createArrayOf("text", payloads.toArray()));
                    notify.execute();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        } catch (RuntimeException e) {
            // Listeners resync after outages anyway (NOTIFY never queues for a listener that is away): events are
            // live hints, so a lost batch is logged, not retried into a growing backlog.
            LOG.warn("Could not send {} tenant event(s): {}", payloads.size(), e.getMessage());
        }
    }

    /** Sends what is waiting, then stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        waiting.add(STOP);
        if (!sender.join(Duration.ofSeconds(5))) {
            sender.interrupt();
        }
    }
}
