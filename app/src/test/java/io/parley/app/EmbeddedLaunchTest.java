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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
    void anAccountCreatedBeforeARestartStillSignsInAfterIt() throws Exception {
        String email = "restart-" + UUID.randomUUID() + "@example.com";
        String signup = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"tenantName\":\"Restart Co\"}";
        FileTime clusterCreated;
        Map<String, Object> firstRun;
        try (RunningParley parley = launch("all")) {
            assertThat(parley.database().description()).contains("new data in " + dataDirectory);
            assertThat(get(parley, "/health").body()).contains("\"database\":\"UP\"");
            assertThat(post(parley, "/api/v1/auth/signup", signup).statusCode()).isEqualTo(201);
            firstRun = parley.database().properties();
            clusterCreated = Files.getLastModifiedTime(dataDirectory.resolve("postgres/PG_VERSION"));
        }
        assertThat(dataDirectory.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();

        try (RunningParley parley = launch("all")) {
            assertThat(parley.database().description()).contains("existing data in " + dataDirectory);
            assertThat(parley.database().properties().get("datasources.default.password"))
                    .as("the stored password is reused").isEqualTo(firstRun.get("datasources.default.password"));
            HttpResponse<String> login = post(parley, "/api/v1/auth/login",
                    "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(login.body()).contains("Restart Co");
            // the dashboard's page fallback never takes an API route, whatever the client accepts (browsers send */*)
            HttpResponse<String> me = get(parley, "/api/v1/me");
            assertThat(me.statusCode()).as(me.body()).isEqualTo(401);
            assertThat(get(parley, "/bots").body()).contains("<div id=\"root\">");
            assertThat(Files.getLastModifiedTime(dataDirectory.resolve("postgres/PG_VERSION")))
                    .as("initdb did not run again").isEqualTo(clusterCreated);
        }
    }

    @Test
    void eachRoleServesOnlyItsOwnRoutes() throws Exception {
        String login = "{\"email\":\"nobody@example.com\",\"password\":\"not the password\"}";
        try (RunningParley api = launch("api")) {
            assertThat(post(api, "/api/v1/auth/login", login).statusCode()).isEqualTo(401);
            assertThat(get(api, "/").statusCode()).isEqualTo(404);
            assertThat(get(api, "/health").statusCode()).isEqualTo(200);
        }
        try (RunningParley web = launch("web")) {
            assertThat(get(web, "/").statusCode()).isEqualTo(200);
            assertThat(post(web, "/api/v1/auth/login", login).statusCode()).isEqualTo(404);
            assertThat(get(web, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aMalformedEncryptionKeyStopsTheStartWithOneClearLine() {
        Properties system = new Properties();
        system.setProperty("user.home", dataDirectory.toString());
        LaunchSettings settings = LaunchSettings.from(Map.of("PARLEY_DATA_DIR", dataDirectory.toString(),
                "PARLEY_ENCRYPTION_KEY", "k1:dG9vLXNob3J0"), system);

        // The settings see the variable; Micronaut reads the real environment, so the value also goes in as an argument.
        Throwable failure = catchThrowable(() -> new Launcher(settings)
                .launch("--micronaut.server.port=-1", "--parley.encryption.key=k1:dG9vLXNob3J0").close());

        assertThat(failure).isNotNull();
        assertThat(StartupFailure.explain(failure)).hasValueSatisfying(line -> assertThat(line)
                .contains("PARLEY_ENCRYPTION_KEY: key 'k1' must be 32 bytes").doesNotContain("dG9vLXNob3J0"));
        assertThat(dataDirectory.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
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
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", "*/*").build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> post(RunningParley parley, String path, String json)
            throws IOException, InterruptedException {
        int port = parley.server().orElseThrow().getPort();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** As the application role, the way the running app connects. */
    private static Connection connect(Map<String, Object> properties) throws SQLException {
        return DriverManager.getConnection((String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"),
                (String) properties.get("datasources.default.password"));
    }
}
