package io.parley.core.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Credentials of a PostgreSQL superuser (embedded or test server) used only for provisioning. */
public record SuperuserConnection(String jdbcUrl, String username, String password) {

    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    @Override
    public String toString() {
        return "SuperuserConnection[" + jdbcUrl + ", user=" + username + "]";
    }
}
