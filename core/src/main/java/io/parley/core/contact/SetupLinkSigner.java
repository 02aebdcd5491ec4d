package io.parley.core.contact;

import io.micronaut.context.annotation.Value;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Setup-link tokens: {@code pst_<base64url(tenant id ‖ contact id ‖ expiry epoch seconds)>.<base64url(HMAC-SHA256)>}.
 *
 * <p>Stateless on purpose: the link is sent to an end user in a chat and must work without a table of issued links;
 * it stays valid until it expires (at most 7 days), and rotating {@code parley.jwt.secret} voids every link. The
 * MAC key is derived from that secret for this one purpose (HMAC(secret, "parley-setup-link-v1")), so a setup token
 * can never pass as a JWT signature or the other way round. Because the tenant id is inside the MAC, a token cannot
 * be pointed at another tenant.
 *
 * <p>In core because both the API (setup links an agent creates) and the message pipeline (the {@code {{setupUrl}}}
 * of welcome messages and flows) sign them; only the API verifies.
 */
@Singleton
public final class SetupLinkSigner {

    public static final String PREFIX = "pst_";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int PAYLOAD_BYTES = 16 + 16 + 8;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public SetupLinkSigner(@Value("${parley.jwt.secret}") String secret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                "parley-setup-link-v1"), ALGORITHM);
    }

    /** A token for {@code contact} of {@code tenant} that expires at {@code expiresAt} (whole seconds). */
    public String sign(TenantId tenant, UUID contact, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(tenant.value().getMostSignificantBits()).putLong(tenant.value().getLeastSignificantBits())
                .putLong(contact.getMostSignificantBits()).putLong(contact.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        String signed = PREFIX + ENCODER.encodeToString(payload.array());
        return signed + "." + ENCODER.encodeToString(hmac(key, signed));
    }

    /**
     * What a token names, when its MAC is right (compared in constant time); empty for anything malformed or
     * altered. Expiry is the caller's check, so it can tell "expired" apart from "invalid".
     */
    public Optional<Claims> verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
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
            payload = Base64.getUrlDecoder().decode(signed.substring(PREFIX.length()));
            mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(hmac(key, signed), mac)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        TenantId tenant = new TenantId(new UUID(buffer.getLong(), buffer.getLong()));
        UUID contact = new UUID(buffer.getLong(), buffer.getLong());
        return Optional.of(new Claims(tenant, contact, Instant.ofEpochSecond(buffer.getLong())));
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

    /** The contact a valid token names, and until when it may be used. */
    public record Claims(TenantId tenant, UUID contact, Instant expiresAt) {
    }
}
