package io.parley.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Password (SCRAM-SHA-256) authentication for an embedded cluster, so that no other local process can connect as
 * the superuser and read every tenant's data around row-level security. New clusters are created that way by
 * initdb; clusters created by earlier versions (initdb {@code -A trust}) are upgraded on their next start.
 * See https://www.postgresql.org/docs/current/auth-pg-hba-conf.html and .../auth-password.html.
 */
final class PasswordAuthentication {

    static final String HBA_FILE = "pg_hba.conf";

    /** Every connection, local socket or loopback TCP, must prove the password; nothing else may connect. */
    static final List<String> HBA_LINES = List.of(
            "# Written by Parley: every connection authenticates with a password (SCRAM-SHA-256); no trust lines.",
            "# TYPE  DATABASE        USER            ADDRESS                 METHOD",
            "local   all             all                                     scram-sha-256",
            "host    all             all             127.0.0.1/32            scram-sha-256",
            "host    all             all             ::1/128                 scram-sha-256",
            "local   replication     all                                     scram-sha-256",
            "host    replication     all             127.0.0.1/32            scram-sha-256",
            "host    replication     all             ::1/128                 scram-sha-256");

    /** The generated passwords are hex, so they can be written into SQL and files without any quoting. */
    private static final Pattern SAFE_PASSWORD = Pattern.compile("[0-9A-Za-z_-]{16,}");

    private PasswordAuthentication() {
    }

    static String requireSafe(String password) {
        if (password == null || !SAFE_PASSWORD.matcher(password).matches()) {
            throw new IllegalArgumentException("The embedded superuser password must be 16 or more of [0-9A-Za-z_-]");
        }
        return password;
    }

    /** Whether the cluster's pg_hba.conf lets anyone in without a password (a cluster from before this change). */
    static boolean trusts(Path dataDirectory) {
        Path hba = dataDirectory.resolve(HBA_FILE);
        if (!Files.exists(hba)) {
            return false;
        }
        try {
            return Files.readAllLines(hba).stream()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .anyMatch(line -> line.matches(".*\\s(trust|password)(\\s.*)?$"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + hba, e);
        }
    }

    /**
     * For initdb's {@code --pwfile}: a file only the owner can read, deleted by the caller once initdb ran.
     */
    static Path passwordFile(Path directory, String password) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(directory, "pg-superuser", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            file = Files.createTempFile(directory, "pg-superuser", ".pw"); // Windows: the user profile protects it
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Upgrades a trusting cluster while trust still lets the superuser in: sets its password (hashed with
     * SCRAM-SHA-256), replaces pg_hba.conf by {@link #HBA_LINES} and reloads, so the next connection needs it.
     */
    static void upgrade(Connection superuser, Path dataDirectory, String password) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE postgres PASSWORD '" + requireSafe(password) + "'");
            writeHba(dataDirectory);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    static void writeHba(Path dataDirectory) {
        Path hba = dataDirectory.resolve(HBA_FILE);
        try {
            Path temporary = hba.resolveSibling(HBA_FILE + ".tmp");
            Files.write(temporary, HBA_LINES, StandardCharsets.UTF_8);
            Files.move(temporary, hba, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + hba, e);
        }
    }
}
