package io.parley.worker.testing;

import io.parley.core.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Raw rows read as the superuser (row-level security does not apply): what really is in the database. */
public final class Rows {

    public List<Map<String, Object>> query(String sql, Object... parameters) {
        var database = TestDatabase.shared();
        try (Connection connection = DriverManager.getConnection(database.database().jdbcUrl(),
                database.superuser().username(), database.superuser().password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The inbound events of a channel, oldest first: provider_event_id, kind, payload (text), id. */
    public List<Map<String, Object>> events(java.util.UUID channelId) {
        return query("SELECT id, provider_event_id, kind, CAST(payload AS text) AS payload FROM inbound_events "
                + "WHERE channel_id = ? ORDER BY id", channelId);
    }

    /** The jobs of a tenant, oldest first: kind, args (text), unique_key, serial_key, state. */
    public List<Map<String, Object>> jobs(java.util.UUID tenantId) {
        return query("SELECT kind, CAST(args AS text) AS args, unique_key, serial_key, state FROM jobs "
                + "WHERE tenant_id = ? ORDER BY id", tenantId);
    }
}
