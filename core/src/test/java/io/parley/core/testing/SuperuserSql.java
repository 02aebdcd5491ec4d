package io.parley.core.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Statements on the shared test database as its superuser (no row-level security): to arrange rows and count them. */
public final class SuperuserSql {

    private SuperuserSql() {
    }

    public static void execute(String sql, Object... values) {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = prepare(connection, sql, values)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as a number (e.g. a count). */
    public static long number(String sql, Object... values) {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = prepare(connection, sql, values);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }
}
