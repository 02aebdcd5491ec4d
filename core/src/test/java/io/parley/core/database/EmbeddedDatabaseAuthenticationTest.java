package io.parley.core.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded cluster lets no local process in without the superuser's password (issue 9, item 7). */
class EmbeddedDatabaseAuthenticationTest {

    private static final String PASSWORD = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path parent;

    @Test
    void refusesASuperuserConnectionWithoutThePassword() throws Exception {
        Path cluster = parent.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster, 0, false, PASSWORD)) {
            assertRefused(database, "");
            assertRefused(database, "not-the-password");
            assertThat(selectOne(database, PASSWORD)).isEqualTo(1);
            assertThat(database.superuser().password()).isEqualTo(PASSWORD);
            assertThat(rules(cluster)).isNotEmpty().allMatch(line -> line.endsWith("scram-sha-256"));
        }
        assertThat(parent).isDirectoryNotContaining("glob:**.pw");
    }

    @Test
    void upgradesAClusterThatTrustedLocalConnections() throws Exception {
        Path cluster = parent.resolve("postgres");
        // What earlier versions created: Zonky's initdb -A trust, kept on disk.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false)
                .start();
             Connection connection = old.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
        }
        assertThat(rules(cluster)).anyMatch(line -> line.endsWith("trust"));

        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster, 0, true, PASSWORD)) {
            assertRefused(database, "");
            assertRefused(database, "not-the-password");
            try (Connection connection = database.superuser().open();
                 ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("the data survived the upgrade").isEqualTo(7);
            }
        }
        assertThat(rules(cluster)).isNotEmpty().allMatch(line -> line.endsWith("scram-sha-256"));

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(cluster, 0, true, PASSWORD)) {
            assertRefused(restarted, "");
            assertThat(selectOne(restarted, PASSWORD)).as("the password holds after a restart").isEqualTo(1);
        }
    }

    /** pg_hba.conf without its comments. */
    private static java.util.List<String> rules(Path cluster) throws java.io.IOException {
        return Files.readAllLines(cluster.resolve("pg_hba.conf")).stream()
                .map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty()).toList();
    }

    private static void assertRefused(EmbeddedDatabase database, String password) {
        assertThatThrownBy(() -> selectOne(database, password))
                .as("a superuser connection with password '%s'", password.isEmpty() ? "(none)" : "(wrong)")
                .isInstanceOf(SQLException.class);
    }

    private static int selectOne(EmbeddedDatabase database, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", password);
             ResultSet rows = connection.createStatement().executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
