package io.parley.core.database;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * LISTENs on one PostgreSQL NOTIFY channel over a dedicated connection (outside the pool, so it never starves request
 * work) on a virtual thread, handing each payload to {@code onNotification} in order. After any connection
 * failure it reconnects with backoff (0.5 s doubling to 30 s) and calls {@code onListening} again: notifications
 * sent while it was away are lost, so that callback is where a user catches up. Stop it with {@link #close()}.
 */
public final class NotificationListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String url;
    private final String username;
    private final String password;
    private final String channel;
    private final Runnable onListening;
    private final Consumer<String> onNotification;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    /** {@code channel} must be a plain identifier (it is not quoted). */
    public NotificationListener(String url, String username, String password, String channel, Runnable onListening,
                                Consumer<String> onNotification) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.url = url;
        this.username = username;
        this.password = password;
        this.channel = channel;
        this.onListening = onListening;
        this.onNotification = onNotification;
        this.thread = Thread.ofVirtual().name("listen-" + channel).start(this::run);
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, username, password)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                backoff = Duration.ofMillis(500);
                onListening.run();
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Listener on {} lost its connection ({}); reconnecting in {} ms", channel, e.getMessage(),
                        backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                LOG.error("Listener on {} failed; restarting", channel, e);
                sleep(backoff);
            }
        }
    }

    private void deliver(String payload) {
        try {
            onNotification.accept(payload);
        } catch (RuntimeException e) {
            LOG.warn("Could not handle a notification on {}: {}", channel, e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close(); // wakes getNotifications
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
    }
}
