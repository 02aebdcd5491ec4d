package io.parley.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Creates Parley's database and its two roles on a server where we hold a superuser (embedded PostgreSQL,
 * a test container). On a managed server the operator does the same once (see docs/operations/database.md).
 *
 * <ul>
 *   <li>the <b>owner</b> role owns the schema and runs Flyway migrations;</li>
 *   <li>the <b>app</b> role is what the running application connects as: no ownership, no BYPASSRLS, so
 *       row-level security always applies to it.</li>
 * </ul>
 * Idempotent: safe on every start.
 */
public final class DatabaseProvisioner {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseProvisioner() {
    }

    public static ProvisionedDatabase provision(SuperuserConnection superuser, String baseJdbcUrl, Plan plan) {
        requireIdentifier(plan.database());
        requireIdentifier(plan.ownerRole());
        requireIdentifier(plan.appRole());
        try (Connection connection = superuser.open(); Statement statement = connection.createStatement()) {
            ensureRole(connection, plan.ownerRole(), plan.ownerPassword(), "LOGIN NOSUPERUSER NOBYPASSRLS");
            ensureRole(connection, plan.appRole(), plan.appPassword(),
                    "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", plan.database())) {
                statement.execute("CREATE DATABASE " + plan.database() + " OWNER " + plan.ownerRole()
                        + " ENCODING 'UTF8' TEMPLATE template0");
            }
            statement.execute("GRANT CONNECT ON DATABASE " + plan.database() + " TO " + plan.appRole());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision database " + plan.database(), e);
        }
        return new ProvisionedDatabase(baseJdbcUrl + plan.database(), plan.ownerRole(), plan.ownerPassword(),
                plan.appRole(), plan.appPassword());
    }

    private static void ensureRole(Connection connection, String role, String password, String options)
            throws SQLException {
        String verb = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement statement = connection.createStatement()) {
            statement.execute(verb + " ROLE " + role + " " + options + " PASSWORD '" + password.replace("'", "''") + "'");
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
        }
    }

    /** What to create. */
    public record Plan(String database, String ownerRole, String ownerPassword, String appRole, String appPassword) {
    }

    /** Where the provisioned database is and who connects to it. */
    public record ProvisionedDatabase(String jdbcUrl, String ownerRole, String ownerPassword,
                                      String appRole, String appPassword) {

        /** Micronaut properties: the pool connects as the app role; Flyway migrates as the owner. */
        public Map<String, Object> properties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("datasources.default.url", jdbcUrl);
            properties.put("datasources.default.username", appRole);
            properties.put("datasources.default.password", appPassword);
            properties.put("flyway.datasources.migrations.url", jdbcUrl);
            properties.put("flyway.datasources.migrations.user", ownerRole);
            properties.put("flyway.datasources.migrations.password", ownerPassword);
            return properties;
        }

        @Override
        public String toString() {
            return "ProvisionedDatabase[" + jdbcUrl + ", owner=" + ownerRole + ", app=" + appRole + "]";
        }
    }
}
