package io.parley.core.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * For development and small all-in-one installs only: the encryption key and the JWT signing secret are generated
 * once and kept in {@code <data dir>/secrets.properties} (mode 600), so data encrypted before a restart still
 * decrypts after it. Production sets {@code PARLEY_ENCRYPTION_KEY} and {@code PARLEY_JWT_SECRET} instead.
 */
public final class DevSecrets {

    private static final String ENCRYPTION_KEY = "encryption-key";
    private static final String JWT_SECRET = "jwt-secret";

    private DevSecrets() {
    }

    /** Properties to add for every secret not already configured. */
    public static Map<String, Object> loadOrCreate(Path dataDirectory, boolean encryptionKeyConfigured,
                                                   boolean jwtSecretConfigured) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (encryptionKeyConfigured && jwtSecretConfigured) {
            return properties;
        }
        Path file = dataDirectory.resolve("secrets.properties");
        Properties stored = read(file);
        boolean changed = false;
        if (!stored.containsKey(ENCRYPTION_KEY)) {
            stored.setProperty(ENCRYPTION_KEY, "dev1:" + randomBase64(32));
            changed = true;
        }
        if (!stored.containsKey(JWT_SECRET)) {
            stored.setProperty(JWT_SECRET, randomBase64(48));
            changed = true;
        }
        if (changed) {
            write(file, stored);
        }
        if (!encryptionKeyConfigured) {
            properties.put("parley.encryption.key", stored.getProperty(ENCRYPTION_KEY));
        }
        if (!jwtSecretConfigured) {
            properties.put("parley.jwt.secret", stored.getProperty(JWT_SECRET));
        }
        return properties;
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

    private static void write(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system (Windows): the user's profile directory protects it.
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "Parley development secrets. Do not share; production uses environment variables.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String randomBase64(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }
}
