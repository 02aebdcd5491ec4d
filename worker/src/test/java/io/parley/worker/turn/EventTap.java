package io.parley.worker.turn;

import io.parley.core.events.TenantEvents;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.TestDatabase;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Listens to the tenant events channel, as the API's live stream does, to see what the dashboard was told. */
final class EventTap implements AutoCloseable {

    private static final Pattern TENANT_AND_TYPE = Pattern.compile("\"tenantId\":\"([^\"]+)\",\"type\":\"([^\"]+)\"");

    private final Connection connection;

    private EventTap(Connection connection) {
        this.connection = connection;
    }

    static EventTap open() {
        try {
            Connection connection = TestDatabase.shared().openAppConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + TenantEvents.CHANNEL);
            }
            return new EventTap(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The types of the events published for {@code tenant} so far, in order. Events leave after commit, possibly in
     * several NOTIFY transactions, so this reads until none has arrived for a moment.
     */
    List<String> types(TenantId tenant) {
        List<String> types = new ArrayList<>();
        try {
            PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(500);
            while (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    Matcher matcher = TENANT_AND_TYPE.matcher(notification.getParameter());
                    if (matcher.find() && matcher.group(1).equals(tenant.toString())) {
                        types.add(matcher.group(2));
                    }
                }
                notifications = connection.unwrap(PGConnection.class).getNotifications(300);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
