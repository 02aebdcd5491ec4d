package io.parley.core.secrets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AES-256 keys Parley encrypts secrets with, parsed from {@code PARLEY_ENCRYPTION_KEY}:
 * {@code <id>:<base64 32 bytes>[,<id>:<base64 32 bytes>...]}. The first key encrypts; every listed key decrypts,
 * so rotation is: put the new key first, keep the old one until re-encryption is done, then drop it.
 * A bare base64 key is accepted as key id {@code k1}.
 */
final class KeyRing {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String primaryId;
    private final Map<String, SecretKey> keys;

    private KeyRing(String primaryId, Map<String, SecretKey> keys) {
        this.primaryId = primaryId;
        this.keys = keys;
    }

    static KeyRing parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("PARLEY_ENCRYPTION_KEY is not set");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String primary = null;
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? "k1" : trimmed.substring(0, colon);
            String material = colon < 0 ? trimmed : trimmed.substring(colon + 1);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("PARLEY_ENCRYPTION_KEY: key ids are 1-32 of [A-Za-z0-9_-]");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(material);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PARLEY_ENCRYPTION_KEY: key '" + id + "' is not base64");
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException("PARLEY_ENCRYPTION_KEY: key '" + id + "' must be 32 bytes (AES-256)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw new IllegalArgumentException("PARLEY_ENCRYPTION_KEY: key id '" + id + "' appears twice");
            }
            if (primary == null) {
                primary = id;
            }
        }
        return new KeyRing(primary, Map.copyOf(keys));
    }

    String primaryId() {
        return primaryId;
    }

    SecretKey primary() {
        return keys.get(primaryId);
    }

    Optional<SecretKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }
}
