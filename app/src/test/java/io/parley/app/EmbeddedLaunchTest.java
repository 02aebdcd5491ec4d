package io.parley.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The all-in-one path, end to end: launcher, embedded PostgreSQL in a data directory, migrations, HTTP server. */
class EmbeddedLaunchTest {

    @TempDir
    Path dataDirectory;

    private RunningParley launch(String roles) {
        Properties system = new Properties();
        system.setProperty("user.home", dataDirectory.toString());
        LaunchSettings settings = LaunchSettings.from(
                Map.of("PARLEY_DATA_DIR", dataDirectory.toString(), "PARLEY_ROLES", roles), system);
        // -1: any free port, so the test never collides with a running Parley.
        return new Launcher(settings).launch("--micronaut.server.port=-1");
    }

    @Test
    void keepsDataAcrossARestartOfTheSameDataDirectory() throws Exception {
        UUID id = UUID.randomUUID();
        FileTime clusterCreated;
        Map<String, Object> firstRun;
        try (RunningParley parley = launch("all")) {
            assertThat(parley.database().description()).contains("new data in " + dataDirectory);
            assertThat(get(parley, "/").statusCode()).isEqualTo(404); // the port answers; no routes yet
            firstRun = parley.database().properties();
            insertUser(firstRun, id);
            clusterCreated = Files.getLastModifiedTime(dataDirectory.resolve("postgres/PG_VERSION"));
        }
        assertThat(dataDirectory.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();

        try (RunningParley parley = launch("all")) {
            assertThat(parley.database().description()).contains("existing data in " + dataDirectory);
            Map<String, Object> secondRun = parley.database().properties();
            assertThat(secondRun.get("datasources.default.password"))
                    .as("the stored password is reused").isEqualTo(firstRun.get("datasources.default.password"));
            assertThat(emailOf(secondRun, id)).isEqualTo(id + "@example.com");
            assertThat(Files.getLastModifiedTime(dataDirectory.resolve("postgres/PG_VERSION")))
                    .as("initdb did not run again").isEqualTo(clusterCreated);
        }
    }

    @Test
    void migrateRoleRunsMigrationsWithoutServing() throws Exception {
        try (RunningParley parley = launch("migrate")) {
            assertThat(parley.server()).isEmpty();
            try (Connection connection = connect(parley.database().properties());
                 ResultSet rows = connection.createStatement()
                         .executeQuery("SELECT max(version) FROM flyway_schema_history WHERE success")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isNotBlank();
            }
        }
    }

    private static HttpResponse<String> get(RunningParley parley, String path) throws IOException, InterruptedException {
        int port = parley.server().orElseThrow().getPort();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** As the application role, the way the running app connects. */
    private static Connection connect(Map<String, Object> properties) throws SQLException {
        return DriverManager.getConnection((String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"),
                (String) properties.get("datasources.default.password"));
    }

    private static void insertUser(Map<String, Object> properties, UUID id) throws SQLException {
        try (Connection connection = connect(properties);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO users (id, email, password_hash) VALUES (?, ?, 'not-a-hash')")) {
            insert.setObject(1, id);
            insert.setString(2, id + "@example.com");
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static String emailOf(Map<String, Object> properties, UUID id) throws SQLException {
        try (Connection connection = connect(properties);
             PreparedStatement select = connection.prepareStatement("SELECT email FROM users WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
