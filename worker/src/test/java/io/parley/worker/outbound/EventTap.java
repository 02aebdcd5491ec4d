package io.parley.worker.outbound;

import io.parley.core.events.TenantEvents;
import io.parley.core.testing.TestDatabase;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Listens to the tenant events channel (as the api's SSE bridge does) and hands out what was published. */
public final class EventTap implements AutoCloseable {

    private final Connection connection;
    private final List<Map<String, Object>> seen = new ArrayList<>();

    public EventTap() {
        try {
            connection = TestDatabase.shared().openAppConnection();
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + TenantEvents.CHANNEL);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Events of {@code type} received so far. Events leave after commit, possibly in several NOTIFY transactions, so
     * this reads until none has arrived for a moment.
     */
    public List<Map<String, Object>> events(String type) {
        try {
            PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(300);
            while (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    seen.add(FakeProviders.parse(notification.getParameter()));
                }
                notifications = connection.unwrap(PGConnection.class).getNotifications(300);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return seen.stream().filter(event -> type.equals(event.get("type"))).toList();
    }

    /** The {@code data} objects of the events of {@code type}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> data(String type) {
        return events(type).stream().map(event -> (Map<String, Object>) event.get("data")).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
