package io.parley.core.events;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant events leave once their transaction committed — in order, all of them, and never after a rollback. */
@MicronautTest(transactional = false)
class TenantEventsTest implements DatabaseTest {

    @Inject
    TenantEvents events;
    @Inject
    TenantScope scope;

    @Test
    void theEventsOfACommittedTransactionArriveInOrder() throws Exception {
        TenantId tenant = new TenantId(Ids.next());
        try (Connection listen = listen()) {
            scope.writeVoid(tenant, () -> {
                for (int i = 1; i <= 3; i++) {
                    events.publish(tenant, "test.step", Map.of("n", i));
                }
            });
            scope.writeVoid(tenant, () -> events.publish(tenant, "test.after", Map.of()));

            assertThat(received(listen, tenant, 4)).containsExactly(
                    "test.step {\"n\":1}", "test.step {\"n\":2}", "test.step {\"n\":3}", "test.after {}");
        }
    }

    @Test
    void eventsPublishedInANestedScopeKeepTheirPlaceInTheTransaction() throws Exception {
        TenantId tenant = new TenantId(Ids.next());
        try (Connection listen = listen()) {
            scope.writeVoid(tenant, () -> {
                events.publish(tenant, "test.outer", Map.of("n", 1));
                scope.writeVoid(tenant, () -> events.publish(tenant, "test.inner", Map.of("n", 2)));
                events.publish(tenant, "test.outer", Map.of("n", 3));
            });

            assertThat(received(listen, tenant, 3)).containsExactly(
                    "test.outer {\"n\":1}", "test.inner {\"n\":2}", "test.outer {\"n\":3}");
        }
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        TenantId tenant = new TenantId(Ids.next());
        try (Connection listen = listen()) {
            assertThatThrownBy(() -> scope.writeVoid(tenant, () -> {
                events.publish(tenant, "test.undone", Map.of());
                throw new IllegalStateException("the change failed");
            })).hasMessage("the change failed");
            scope.writeVoid(tenant, () -> events.publish(tenant, "test.done", Map.of()));

            assertThat(received(listen, tenant, 1)).containsExactly("test.done {}");
        }
    }

    private static Connection listen() throws SQLException {
        Connection connection = TestDatabase.shared().openAppConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + TenantEvents.CHANNEL);
        }
        return connection;
    }

    /** "type data" of the tenant's events, waiting up to 5 s for {@code expected} of them (then 300 ms more). */
    private static List<String> received(Connection listen, TenantId tenant, int expected) throws SQLException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            PGNotification[] batch = listen.unwrap(PGConnection.class)
                    .getNotifications(seen.size() >= expected ? 300 : 100);
            if (batch == null || batch.length == 0) {
                if (seen.size() >= expected) {
                    break;
                }
                continue;
            }
            for (PGNotification notification : batch) {
                String payload = notification.getParameter();
                if (payload.contains("\"tenantId\":\"" + tenant + "\"")) {
                    String type = payload.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1");
                    String data = payload.replaceAll(".*\"data\":(\\{.*})}$", "$1");
                    seen.add(type + " " + data);
                }
            }
        }
        return seen;
    }
}
