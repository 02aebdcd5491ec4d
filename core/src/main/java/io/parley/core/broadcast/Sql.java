package io.parley.core.broadcast;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Small JDBC helpers for the broadcast tables. {@code dataSource} is Micronaut's transaction-aware one, so every
 * statement joins the caller's {@link io.parley.core.tenancy.TenantScope} transaction (and its row-level security);
 * the connection is the transaction's and is not closed here. Plain JDBC rather than Micronaut Data because the
 * claims and planning statements are dynamic (segment conditions, array parameters, RETURNING lists).
 */
final class Sql {

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rows.next()) {
                out.add(reader.read(rows));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("broadcast query failed: " + e.getMessage(), e);
        }
    }

    int update(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("broadcast update failed: " + e.getMessage(), e);
        }
    }

    long count(String sql, Object... parameters) {
        List<Long> counts = list(sql, row -> row.getLong(1), parameters);
        return counts.isEmpty() ? 0 : counts.getFirst();
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof UUID[] ids) {
                statement.setArray(i + 1, connection().createArrayOf("uuid", ids));
            } else if (value instanceof Long[] ids) {
                statement.setArray(i + 1, connection().createArrayOf("bigint", ids));
            } else if (value instanceof String[] texts) {
                statement.setArray(i + 1, connection().createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }
}
