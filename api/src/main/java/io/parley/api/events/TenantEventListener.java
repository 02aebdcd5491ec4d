package io.parley.api.events;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.parley.core.ServerRoles;
import io.parley.core.events.TenantEvents;
import jakarta.annotation.PreDestroy;
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
 * LISTENs on {@link TenantEvents#CHANNEL} on one dedicated connection (outside the pool, so a busy pool never
 * delays events and events never hold a pooled connection) and hands every notification to the {@link EventHub}.
 * After a lost connection it reconnects with backoff and tells the clients to resync, since NOTIFY does not queue
 * notifications for a listener that is away. Same shape as core's ConfigChangeListener.
 */
@Context
@Requires(property = "parley.events.listen", notEquals = "false")
@Requires(property = "datasources.default.url")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
final class TenantEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(TenantEventListener.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EventHub hub;
    private final String url;
    private final String username;
    private final String password;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    TenantEventListener(EventHub hub, @Value("${datasources.default.url}") String url,
                        @Value("${datasources.default.username:}") String username,
                        @Value("${datasources.default.password:}") String password) {
        this.hub = hub;
        this.url = url;
        this.username = username;
        this.password = password;
        this.thread = Thread.ofVirtual().name("tenant-event-listener").start(this::run);
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        boolean missed = false;
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, username, password)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + TenantEvents.CHANNEL);
                }
                if (missed) {
                    hub.resync();
                    missed = false;
                }
                backoff = Duration.ofMillis(500);
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            hub.dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                missed = true;
                LOG.warn("Tenant event listener lost its connection ({}); reconnecting in {} ms", e.getMessage(),
                        backoff.toMillis());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @PreDestroy
    void stop() {
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
