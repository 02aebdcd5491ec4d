package io.parley.core.events;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.exceptions.TransactionUsageException;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes tenant events (message received/sent/status, takeover, channel unhealthy) for the dashboard's live
 * stream and outbound webhooks. Call inside the tenant transaction of the change: the event goes out with
 * {@code NOTIFY parley_events} once it committed (never if it rolls back), to every api process, which forwards it
 * to that tenant's SSE clients. The NOTIFY is sent by {@link EventNotifier}, for many transactions at once, right
 * after the commit rather than in it: NOTIFY in the transaction itself would serialize the commits of every turn.
 * Outside a transaction the event is sent at once. Payloads stay small (ids and short fields; NOTIFY allows 8000
 * bytes): clients fetch details through the API.
 */
@Singleton
public final class TenantEvents {

    public static final String CHANNEL = "parley_events";
    private static final int MAX_PAYLOAD = 7000;

    private final DataSource dataSource;
    private final JsonMapper json;
    private final TransactionOperations<Connection> transactions;
    private final EventNotifier notifier;
    /** The events of each open transaction, in order, sent together when it commits; keyed by its connection. */
    private final Map<Object, List<String>> uncommitted = new ConcurrentHashMap<>();

    TenantEvents(DataSource dataSource, JsonMapper json, TransactionOperations<Connection> transactions,
                 EventNotifier notifier) {
        this.dataSource = dataSource;
        this.json = json;
        this.transactions = transactions;
        this.notifier = notifier;
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
        if (!afterCommit(payload)) {
            notifyNow(type, payload);
        }
    }

    private boolean afterCommit(String payload) {
        TransactionStatus<?> status = transactions.findTransactionStatus().orElse(null);
        if (status == null) {
            return false;
        }
        // The connection names the transaction, nested scopes included; the entry is gone before the connection
        // returns to the pool (synchronizations run before the transaction's cleanup).
        Object key = status.getConnection();
        List<String> events = uncommitted.get(key);
        if (events == null) {
            events = new ArrayList<>();
            uncommitted.put(key, events);
            try {
                status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(Status completion) {
                        List<String> done = uncommitted.remove(key);
                        if (completion == Status.COMMITTED && done != null) {
                            notifier.send(done);
                        }
                    }
                });
            } catch (TransactionUsageException e) {
                uncommitted.remove(key);
                return false;
            }
        }
        events.add(payload);
        return true;
    }

    private void notifyNow(String type, String payload) {
        try (PreparedStatement notify = dataSource.getConnection().prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not publish tenant event " + type, e);
        }
    }
}
