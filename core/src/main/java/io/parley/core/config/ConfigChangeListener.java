package io.parley.core.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.parley.core.ServerRoles;
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
 * Holds one dedicated connection (outside the pool, so it never starves request work) that LISTENs on
 * {@code parley_config} and invalidates {@link BotConfigurationCache} entries as changes commit anywhere.
 * On any connection failure it clears the whole cache (notifications may have been missed) and reconnects
 * with backoff.
 */
@Context
@Requires(property = "parley.config-cache.listen", notEquals = "false")
@Requires(property = "datasources.default.url")
@Requires(property = ServerRoles.PROPERTY, notEquals = "migrate")
final class ConfigChangeListener {

    static final String CHANNEL = "parley_config";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigChangeListener.class);

    private final BotConfigurationCache cache;
    private final String url;
    private final String username;
    private final String password;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    ConfigChangeListener(BotConfigurationCache cache, @Value("${datasources.default.url}") String url,
                         @Value("${datasources.default.username:}") String username,
                         @Value("${datasources.default.password:}") String password) {
        this.cache = cache;
        this.url = url;
        this.username = username;
        this.password = password;
        this.thread = Thread.ofVirtual().name("config-change-listener").start(this::run);
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, username, password)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                cache.invalidateAll(); // anything cached before this LISTEN may be stale
                backoff = Duration.ofMillis(500);
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        BotKey.parse(notification.getParameter()).ifPresent(cache::invalidate);
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                cache.invalidateAll();
                LOG.warn("Configuration change listener lost its connection ({}); reconnecting in {} ms",
                        e.getMessage(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
