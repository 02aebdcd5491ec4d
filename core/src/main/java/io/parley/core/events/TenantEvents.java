package io.parley.core.events;

import io.micronaut.json.JsonMapper;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes tenant events (message received/sent/status, takeover, channel unhealthy) for the dashboard's live
 * stream and outbound webhooks. Call inside the tenant transaction of the change: the event goes out with
 * {@code NOTIFY parley_events} when it commits, to every api process, which forwards it to that tenant's SSE clients.
 * Payloads stay small (ids and short fields; NOTIFY allows 8000 bytes): clients fetch details through the API.
 */
@Singleton
public final class TenantEvents {

    public static final String CHANNEL = "parley_events";
    private static final int MAX_PAYLOAD = 7000;

    private final DataSource dataSource;
    private final JsonMapper json;

    TenantEvents(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void publish(TenantId tenant, String type, Map<String, ?> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("tenantId", tenant.toString());
        event.put("type", type);
        event.put("data", data);
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("Tenant event " + type + " is too large for NOTIFY; send ids only");
        }
        try (PreparedStatement notify = dataSource.getConnection().prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not publish tenant event " + type, e);
        }
    }
}
