package io.parley.core.tenancy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.TestDatabase;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Row-level security is the backstop: these queries deliberately "forget" their tenant filter. */
@MicronautTest(transactional = false)
class RowLevelSecurityTest implements DatabaseTest {

    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    AuditLog audit;
    @Inject
    DataSource dataSource;
    @Inject
    TransactionOperations<Connection> transactions;

    private final TenantId tenantA = new TenantId(Ids.next());
    private final TenantId tenantB = new TenantId(Ids.next());

    @BeforeAll
    void twoTenantsWithAuditEntries() {
        for (TenantId tenant : List.of(tenantA, tenantB)) {
            scope.writeVoid(tenant, () -> {
                tenants.insert(tenant.value(), "tenant " + tenant);
                audit.record(tenant, Actor.system("test"), "tenant.created", "tenant", tenant.toString(), Map.of());
                audit.record(tenant, Actor.system("test"), "tenant.renamed", "tenant", tenant.toString(), Map.of());
            });
        }
    }

    @Test
    void queryWithoutTenantContextSeesNoRows() throws SQLException {
        try (Connection connection = TestDatabase.shared().openAppConnection()) {
            assertThat(count(connection, "SELECT count(*) FROM audit_log")).isZero();
            assertThat(count(connection, "SELECT count(*) FROM tenants")).isZero();
        }
    }

    @Test
    void queryThatForgetsItsTenantFilterSeesOnlyItsTenant() {
        List<String> tenantIds = scope.read(tenantA, () -> sqlList("SELECT DISTINCT tenant_id::text FROM audit_log"));
        assertThat(tenantIds).containsExactly(tenantA.toString());
        assertThat(scope.read(tenantA, () -> sqlList("SELECT id::text FROM tenants"))).containsExactly(tenantA.toString());
    }

    @Test
    void tenantCannotUpdateOrDeleteAnotherTenantsRows() {
        int updated = scope.write(tenantA, () -> sqlUpdate(
                "UPDATE audit_log SET action = 'tampered' WHERE tenant_id = '" + tenantB + "'"));
        int deleted = scope.write(tenantA, () -> sqlUpdate("DELETE FROM tenants WHERE id = '" + tenantB + "'"));
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        assertThat(scope.read(tenantB, () -> sqlList("SELECT action FROM audit_log")))
                .containsExactlyInAnyOrder("tenant.created", "tenant.renamed");
    }

    @Test
    void tenantCannotInsertRowsForAnotherTenant() {
        assertThatThrownBy(() -> scope.writeVoid(tenantA, () ->
                audit.record(tenantB, Actor.system("test"), "forged", null, null, Map.of())))
                .hasStackTraceContaining("row-level security");
    }

    @Test
    void tenantSettingDoesNotLeakIntoTheNextTransactionOnAPooledConnection() {
        // Hikari hands a thread back the connection it used last, so this reuses the scoped connection.
        for (int i = 0; i < 5; i++) {
            assertThat(scope.read(tenantA, () -> sqlList("SELECT current_setting('parley.tenant_id', true)")))
                    .containsExactly(tenantA.toString());
            List<String> after = transactions.executeRead(status ->
                    sqlList("SELECT coalesce(current_setting('parley.tenant_id', true), '')"));
            assertThat(after).containsExactly("");
        }
    }

    /** Runs on the scope's transaction connection (Micronaut's DataSource is transaction-aware). */
    private List<String> sqlList(String sql) {
        Connection connection = transactionConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int sqlUpdate(String sql) {
        try (PreparedStatement statement = transactionConnection().prepareStatement(sql)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection transactionConnection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
