package io.parley.http.health;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Asks the connection pool for a connection and checks it answers within two seconds. */
@Singleton
final class DatabaseProbe {

    private final DataSource pool;

    DatabaseProbe(DataSource dataSource) {
        // The injected DataSource is transaction-bound; the probe needs a plain connection of its own.
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    boolean isUp() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
