package io.parley.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded database's role passwords (its superuser's, the owner role's and the app role's), generated on first
 * start and kept in {@code <data dir>/database.properties} (mode 600, next to the development secrets) so every
 * restart connects with the same ones. A file from an earlier version gains the missing ones.
 */
record DatabasePasswords(String superuser, String owner, String app) {

    static final String FILE = "database.properties";
    private static final String OWNER = "owner-password";
    private static final String APP = "app-password";
    private static final String SUPERUSER = "superuser-password";

    static DatabasePasswords loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        Properties stored = read(file);
        String owner = stored.getProperty(OWNER);
        String app = stored.getProperty(APP);
        String superuser = stored.getProperty(SUPERUSER);
        if (owner == null || app == null || superuser == null) {
            owner = owner == null ? random() : owner;
            app = app == null ? random() : app;
            superuser = superuser == null ? random() : superuser;
            stored.setProperty(OWNER, owner);
            stored.setProperty(APP, app);
            stored.setProperty(SUPERUSER, superuser);
            write(file, stored);
        }
        return new DatabasePasswords(superuser, owner, app);
    }

    @Override
    public String toString() {
        return "DatabasePasswords[***]";
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    /** Written to a private temporary file, then moved, so the passwords are never readable by others. */
    private static void write(Path file, Properties properties) {
        try {
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temporary); // Windows: the user profile protects it
            }
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "Passwords of the embedded database's roles. Do not share.");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Hex, so it needs no quoting anywhere (SQL, properties, URLs). */
    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
