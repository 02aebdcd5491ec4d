package io.parley.core.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads rows of a {@link NamedSql} statement as arrays of column values. */
final class Jdbc {

    private Jdbc() {
    }

    static List<Object[]> rows(Connection connection, String sql, Map<String, ?> values) {
        try (PreparedStatement statement = NamedSql.prepare(connection, sql, values);
             ResultSet result = statement.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            List<Object[]> rows = new ArrayList<>();
            while (result.next()) {
                Object[] row = new Object[meta.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Analytics query failed", e);
        }
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
