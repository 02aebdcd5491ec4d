package io.parley.core.queue;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * LISTENs on {@value JobQueue#WAKE_CHANNEL} over one dedicated connection (outside the pool, which it would
 * otherwise hold forever) and signals {@link Wakeup} for every batch of notifications, so a job enqueued
 * anywhere starts within milliseconds instead of at the next poll. After a lost connection it signals once more
 * (notifications may have been missed) and reconnects with backoff; polling covers the gap.
 */
final class JobWakeListener {

    private static final Logger LOG = LoggerFactory.getLogger(JobWakeListener.class);

    private final String url;
    private final String username;
    private final String password;
    private final Wakeup wakeup;
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    JobWakeListener(String url, String username, String password, Wakeup wakeup) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.wakeup = wakeup;
    }

    void start(String name) {
        thread = Thread.ofVirtual().name(name).start(this::run);
    }

    /** True while the LISTEN is in place (tests wait for it before relying on wake-ups). */
    boolean listening() {
        return listening;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try (Connection listen = DriverManager.getConnection(url, username, password)) {
                connection = listen;
                try (Statement statement = listen.createStatement()) {
                    statement.execute("LISTEN " + JobQueue.WAKE_CHANNEL);
                }
                listening = true;
                wakeup.signal(); // anything enqueued while we were not listening
                backoff = Duration.ofMillis(500);
                PGConnection pg = listen.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null && notifications.length > 0) {
                        wakeup.signal();
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (!running) {
                    return;
                }
                wakeup.signal();
                LOG.warn("Job wake-up listener lost its connection ({}); polling until it reconnects in {} ms",
                        e.getMessage(), backoff.toMillis());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    void stop() {
        running = false;
        listening = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close(); // wakes getNotifications
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
