package io.parley.api.token;

import io.parley.core.tenancy.TenantId;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A bearer secret that names its tenant and row: {@code <prefix>_<base64url(id ‖ tenant ‖ 24 random bytes)>}.
 *
 * <p>Carrying the tenant lets Parley look the secret up inside that tenant's row-level-security scope, so
 * verifying an API key or invitation needs no privileged role that could read every tenant's keys. Only the
 * SHA-256 of the random part is stored; with 192 bits of entropy a slow hash adds nothing.
 */
public record TenantBoundToken(String prefix, UUID id, TenantId tenant, byte[] secret) {

    private static final int SECRET_BYTES = 24;
    private static final int ENCODED_BYTES = 16 + 16 + SECRET_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static TenantBoundToken generate(String prefix, UUID id, TenantId tenant) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new TenantBoundToken(prefix, id, tenant, secret);
    }

    public static Optional<TenantBoundToken> parse(String prefix, String text) {
        if (text == null || !text.startsWith(prefix + "_")) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.substring(prefix.length() + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != ENCODED_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        TenantId tenant = new TenantId(new UUID(buffer.getLong(), buffer.getLong()));
        byte[] secret = new byte[SECRET_BYTES];
        buffer.get(secret);
        return Optional.of(new TenantBoundToken(prefix, id, tenant, secret));
    }

    /** The full token, shown to its owner once. */
    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(ENCODED_BYTES)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .putLong(tenant.value().getMostSignificantBits()).putLong(tenant.value().getLeastSignificantBits())
                .put(secret);
        return prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** What lists show so people can tell keys apart: the prefix and the first characters. */
    public String displayPrefix() {
        return encode().substring(0, prefix.length() + 9);
    }

    public byte[] secretHash() {
        return sha256(secret);
    }

    /** Constant-time comparison of this token's secret against a stored hash. */
    public boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(secretHash(), storedHash);
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static byte[] sha256(String input) {
        return sha256(input.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "TenantBoundToken[" + prefix + ", id=" + id + "]";
    }
}
