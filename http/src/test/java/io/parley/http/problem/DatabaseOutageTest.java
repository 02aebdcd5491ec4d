package io.parley.http.problem;

import com.zaxxer.hikari.pool.HikariPool;
import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is not there" (→ 503 with Retry-After) rather than a bug (→ 500). */
class DatabaseOutageTest {

    @Test
    void aConnectionEndedByTheServerShuttingDownIsAnOutage() {
        // What connections in use get at the moment PostgreSQL stops (fast shutdown): FATAL 57P01, wrapped by
        // Micronaut Data and then by the service.
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        Throwable wrapped = new IllegalStateException("Could not set the tenant scope for the transaction",
                new DataAccessException("Error executing SQL UPDATE", shutdown));

        assertThat(DatabaseOutage.isOutage(wrapped)).isTrue();
    }

    @Test
    void aConnectionThePoolClosedAfterTheServerEndedItIsAnOutage() {
        // Seen in DatabaseStopTest: the write fails on Hikari's closed proxy; the 57P01 is not in this chain.
        Throwable closed = new IllegalStateException("Could not store inbound events",
                new io.micronaut.data.connection.exceptions.ConnectionException("Could not set JDBC Connection read-only",
                        new SQLException("Connection is closed")));
        RuntimeException rollbackFailure = new RuntimeException("rollback failed");
        rollbackFailure.addSuppressed(new SQLException("terminating connection", "57P01"));

        assertThat(DatabaseOutage.isOutage(closed)).isTrue();
        assertThat(DatabaseOutage.isOutage(rollbackFailure)).isTrue();
    }

    @Test
    void crashRecoveryStartupAndTooManyConnectionsAreOutages() {
        assertThat(DatabaseOutage.isOutage(new SQLException("crash", "57P02"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("sorry, too many clients already", "53300"))).isTrue();
    }

    @Test
    void connectionFailuresPoolTimeoutsAndBrokenSocketsAreOutages() {
        assertThat(DatabaseOutage.isOutage(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new DataAccessException("x",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("I/O error", null, new EOFException()))).isTrue();
        assertThat(DatabaseOutage.isOutage(new HikariPool.PoolInitializationException(
                new SQLException("Connection to 127.0.0.1:9 refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("HikariDataSource HikariDataSource (HikariPool-1) has been closed."))).isTrue();
    }

    @Test
    void bugsAndBadDataAreNotOutages() {
        assertThat(DatabaseOutage.isOutage(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("boom"))).isFalse();
        assertThat(DatabaseOutage.isOutage(null)).isFalse();
    }
}
