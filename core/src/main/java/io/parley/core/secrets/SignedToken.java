package io.parley.core.secrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Stateless signed tokens {@code <prefix><base64url(payload)>.<base64url(HMAC-SHA256)>} of a fixed-size payload,
 * the MAC key derived from the installation's secret for one purpose only, so a token of one kind never passes as
 * another (setup links, checkout links). Hand-written because it is a dozen lines over the JDK's Mac: a JWT library
 * would make the links three times as long for nothing they need.
 */
public final class SignedToken {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_LENGTH = 200;

    private final String prefix;
    private final int payloadBytes;
    private final SecretKeySpec key;

    /** @param purpose the derivation label, e.g. "parley-setup-link-v1"; changing it invalidates every token */
    public SignedToken(String secret, String purpose, String prefix, int payloadBytes) {
        this.prefix = prefix;
        this.payloadBytes = payloadBytes;
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                purpose), ALGORITHM);
    }

    /** A token of {@code payload}, which must be exactly the configured size. */
    public String sign(byte[] payload) {
        if (payload.length != payloadBytes) {
            throw new IllegalArgumentException("payload must be " + payloadBytes + " bytes");
        }
        String signed = prefix + ENCODER.encodeToString(payload);
        return signed + "." + ENCODER.encodeToString(hmac(key, signed));
    }

    /** The payload of a token whose MAC is right (compared in constant time); empty for anything malformed. */
    public Optional<ByteBuffer> verify(String token) {
        if (token == null || !token.startsWith(prefix) || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String signed = token.substring(0, dot);
        byte[] payload;
        byte[] mac;
        try {
            payload = Base64.getUrlDecoder().decode(signed.substring(prefix.length()));
            mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length != payloadBytes || !MessageDigest.isEqual(hmac(key, signed), mac)) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(payload));
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
