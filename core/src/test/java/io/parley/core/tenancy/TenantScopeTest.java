package io.parley.core.tenancy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind of scope sets for its transaction, and that none of it outlives the transaction. */
@MicronautTest(transactional = false)
class TenantScopeTest implements DatabaseTest {

    @Inject
    TenantScope scope;
    @Inject
    DataSource dataSource;

    @Test
    void aReplayableWriteAloneCommitsWithoutWaitingForTheLog() {
        TenantId tenant = new TenantId(Ids.next());

        assertThat(scope.writeReplayable(tenant, this::synchronousCommit)).isEqualTo("off, set by the transaction");
        assertThat(scope.writeReplayable(tenant, () -> setting("parley.tenant_id"))).isEqualTo(tenant.toString());
        assertThat(scope.asQueue(this::synchronousCommit)).isEqualTo("off, set by the transaction");
        for (int i = 0; i < 30; i++) { // more than the pool's connections: every one of them is back to the default
            assertThat(scope.write(tenant, this::synchronousCommit)).doesNotEndWith("set by the transaction");
        }
    }

    @Test
    void everyScopeSetsTenantUserAndQueueTogether() {
        TenantId tenant = new TenantId(Ids.next());
        UserId user = new UserId(Ids.next());

        assertThat(scope.asUserInTenant(user, tenant, () -> setting("parley.tenant_id") + "|"
                + setting("parley.user_id") + "|" + setting("parley.queue")))
                .isEqualTo(tenant + "|" + user + "|");
        assertThat(scope.asQueue(() -> setting("parley.tenant_id") + "|" + setting("parley.queue"))).isEqualTo("|on");
    }

    @Test
    void aScopeOpenedInsideAnotherOnTheSameThreadJoinsItsTransactionAndConnection() {
        TenantId tenant = new TenantId(Ids.next());

        // A nested scope that took a second pool connection would deadlock the pool under load: every job holding
        // one connection and waiting for another (LineConversationTest's fifty contacts did exactly that).
        assertThat(scope.writeReplayable(tenant, () -> backend() + "|" + scope.read(tenant, this::backend)))
                .matches("(\\d+)\\|\\1");
        assertThat(scope.write(tenant, () -> backend() + "|" + scope.read(tenant, this::backend)))
                .matches("(\\d+)\\|\\1");
        assertThat(scope.asQueue(() -> backend() + "|" + scope.write(tenant, this::backend)))
                .matches("(\\d+)\\|\\1");
        // the same under a job's transaction cap, on a virtual thread (the queue's handlers)
        TransactionLimit limit = new TransactionLimit(1);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(threads.submit(() -> limit.call(() -> scope.writeReplayable(tenant,
                    () -> backend() + "|" + scope.read(tenant, this::backend)))).get())
                    .matches("(\\d+)\\|\\1");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyKindOfScopeHoldsOnePermitOfAJobsCapAndScopesNestedInItTakeNoOther() throws Exception {
        TenantId tenant = new TenantId(Ids.next());
        TransactionLimit limit = new TransactionLimit(2);

        // A replayable write that took no permit let a read nested in it wait for a permit while holding a pool
        // connection: with every permit held by handlers waiting for a connection, the pool deadlocked.
        String free = limit.call(() -> scope.writeReplayable(tenant, () -> limit.available() + ","
                + scope.read(tenant, () -> String.valueOf(limit.available()))));
        String queue = limit.call(() -> scope.asQueue(() -> limit.available() + ","
                + scope.write(tenant, () -> String.valueOf(limit.available()))));
        String each = limit.call(() -> {
            StringBuilder seen = new StringBuilder();
            scope.writeEach(java.util.List.of(tenant), id -> seen.append(limit.available()).append(',')
                    .append(scope.read(id, () -> String.valueOf(limit.available()))));
            return seen.toString();
        });

        assertThat(java.util.List.of(free, queue, each)).containsOnly("1,1");
        assertThat(limit.available()).isEqualTo(2);
    }

    private String backend() {
        try (PreparedStatement show = dataSource.getConnection().prepareStatement("SELECT pg_backend_pid()")) {
            try (ResultSet rows = show.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value, and whether this transaction set it (the test database's own default may be off too). */
    private String synchronousCommit() {
        try (PreparedStatement show = dataSource.getConnection().prepareStatement(
                "SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'")) {
            try (ResultSet rows = show.executeQuery()) {
                rows.next();
                return rows.getString(1) + ("session".equals(rows.getString(2)) ? ", set by the transaction"
                        : ", " + rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String setting(String name) {
        try (PreparedStatement show = dataSource.getConnection().prepareStatement("SELECT current_setting(?)")) {
            show.setString(1, name);
            try (ResultSet rows = show.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
