package io.parley.app;

import io.parley.core.database.DatabaseProvisioner;
import io.parley.core.database.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The all-in-one database: a PostgreSQL server started from the jar, whose cluster lives in
 * {@code <data dir>/postgres} and so survives restarts (initdb runs only when the directory holds no cluster yet).
 * It is provisioned like a production server: the application connects as {@code parley_app}, which owns nothing,
 * and Flyway migrates as {@code parley_owner}. Every role, the superuser included, authenticates with a generated
 * password kept in {@link DatabasePasswords}: the server trusts no local connection.
 */
final class EmbeddedMode implements DatabaseMode {

    static final String DATABASE = "parley";
    static final String OWNER_ROLE = "parley_owner";
    static final String APP_ROLE = "parley_app";

    private final Path dataDirectory;
    private final DataDirectoryLock lock;
    private final EmbeddedDatabase server;
    private final DatabaseProvisioner.ProvisionedDatabase database;
    private final boolean created;

    private EmbeddedMode(Path dataDirectory, DataDirectoryLock lock, EmbeddedDatabase server,
                         DatabaseProvisioner.ProvisionedDatabase database, boolean created) {
        this.dataDirectory = dataDirectory;
        this.lock = lock;
        this.server = server;
        this.database = database;
        this.created = created;
    }

    static EmbeddedMode start(LaunchSettings settings) {
        Path dataDirectory = settings.dataDirectory();
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
        try {
            Path cluster = dataDirectory.resolve("postgres");
            StalePostmaster.clear(cluster);
            DatabasePasswords passwords = DatabasePasswords.loadOrCreate(dataDirectory);
            boolean created = !Files.exists(cluster.resolve("PG_VERSION"));
            EmbeddedDatabase server = EmbeddedDatabase.start(cluster, settings.embeddedDatabasePort(), true,
                    passwords.superuser());
            try {
                DatabaseProvisioner.ProvisionedDatabase database = DatabaseProvisioner.provision(server.superuser(),
                        server.jdbcUrl(""), new DatabaseProvisioner.Plan(DATABASE, OWNER_ROLE, passwords.owner(),
                                APP_ROLE, passwords.app()));
                return new EmbeddedMode(dataDirectory, lock, server, database, created);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        properties.put("parley.data-dir", dataDirectory.toString());
        return properties;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on 127.0.0.1:" + server.port() + " (" + (created ? "new" : "existing")
                + " data in " + dataDirectory + ")";
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            lock.close();
        }
    }
}
