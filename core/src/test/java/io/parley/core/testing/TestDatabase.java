package io.parley.core.testing;

import io.parley.core.database.DatabaseProvisioner;
import io.parley.core.database.EmbeddedDatabase;
import io.parley.core.database.SuperuserConnection;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One real PostgreSQL per test JVM, chosen in this order:
 * <ol>
 *   <li>{@code PARLEY_TEST_DATABASE_URL} (+ {@code _USER}, {@code _PASSWORD}): a running server where we are superuser;</li>
 *   <li>Testcontainers, only when asked for with {@code PARLEY_TEST_DATABASE=testcontainers};</li>
 *   <li>otherwise an embedded PostgreSQL from Maven Central binaries (a machine with only a JDK).</li>
 * </ol>
 * Testcontainers is opt-in, never guessed from a running engine: on a machine whose Docker engine cannot reach an
 * image registry (ours), Testcontainers retries pulls for minutes before failing, so the choice must not depend on
 * whether someone happens to have started {@code dockerd}.
 * A fresh database with Parley's owner and app roles is provisioned on it; tests connect as the app role, so
 * row-level security applies exactly as in production.
 */
public final class TestDatabase {

    public static final String APP_ROLE = "parley_app";
    public static final String OWNER_ROLE = "parley_owner";
    /** Test-only key material (never used outside tests). */
    public static final String TEST_ENCRYPTION_KEY = "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public static final String TEST_JWT_SECRET = "test-only-jwt-secret-0123456789abcdef-0123456789abcdef";

    private static TestDatabase shared;

    private final SuperuserConnection superuser;
    private final DatabaseProvisioner.ProvisionedDatabase database;
    private final String kind;

    private TestDatabase(SuperuserConnection superuser, String baseUrl, String kind) {
        this.superuser = superuser;
        this.kind = kind;
        String name = "parley_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.database = DatabaseProvisioner.provision(superuser, baseUrl,
                new DatabaseProvisioner.Plan(name, OWNER_ROLE, "owner-secret", APP_ROLE, "app-secret"));
    }

    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = startNew();
        }
        return shared;
    }

    private static TestDatabase startNew() {
        String url = System.getenv("PARLEY_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("PARLEY_TEST_DATABASE_USER", "postgres");
            String password = System.getenv().getOrDefault("PARLEY_TEST_DATABASE_PASSWORD", "postgres");
            return new TestDatabase(new SuperuserConnection(url, user, password), baseOf(url), "external server");
        }
        if ("testcontainers".equalsIgnoreCase(System.getenv("PARLEY_TEST_DATABASE"))) {
            if (!dockerAvailable()) {
                throw new IllegalStateException("PARLEY_TEST_DATABASE=testcontainers, but no Docker engine answers");
            }
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestDatabase(new SuperuserConnection(container.getJdbcUrl(), container.getUsername(),
                    container.getPassword()), baseOf(container.getJdbcUrl()), "Testcontainers");
        }
        try {
            Path directory = Files.createTempDirectory("parley-test-pg");
            EmbeddedDatabase embedded = EmbeddedDatabase.start(directory.resolve("data"), 0, false,
                    UUID.randomUUID().toString().replace("-", ""));
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            return new TestDatabase(embedded.superuser(), embedded.jdbcUrl(""), "embedded PostgreSQL");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No temporary directory for the test database", e);
        }
    }

    /**
     * Asking Testcontainers on a machine without Docker logs a large ERROR block; look for an engine first.
     */
    private static boolean dockerAvailable() {
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String baseOf(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String withoutQuery = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1);
    }

    /** Micronaut properties for a context on this database, with test secrets. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        properties.put("parley.encryption.key", TEST_ENCRYPTION_KEY);
        properties.put("parley.jwt.secret", TEST_JWT_SECRET);
        properties.put("datasources.default.maximum-pool-size", "8");
        return properties;
    }

    /**
     * A plain connection as the application role, outside any Micronaut transaction and tenant scope: what a
     * query that forgot its scope would get.
     */
    public java.sql.Connection openAppConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(database.jdbcUrl(), database.appRole(), database.appPassword());
    }

    /** The superuser on the test database: row-level security does not apply, for arranging and inspecting raw rows. */
    public java.sql.Connection openSuperuserConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(database.jdbcUrl(), superuser.username(), superuser.password());
    }

    public DatabaseProvisioner.ProvisionedDatabase database() {
        return database;
    }

    public SuperuserConnection superuser() {
        return superuser;
    }

    public String kind() {
        return kind;
    }
}
