package io.parley.core.admin;

import io.micronaut.core.annotation.Nullable;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one JDBC update helper of the console's tables, on the transaction-aware data source (the statement joins the
 * caller's scope). Plain JDBC here because the console reads projections across tables, which Micronaut Data
 * repositories would need a mapped type for each.
 */
final class Statements {

    private Statements() {
    }

    static int update(DataSource dataSource, String what, String sql, @Nullable Object... values) {
        try (PreparedStatement statement = dataSource.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + what, e);
        }
    }
}
