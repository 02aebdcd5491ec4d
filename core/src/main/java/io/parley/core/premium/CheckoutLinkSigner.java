package io.parley.core.premium;

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
 * Checkout-link tokens: {@code pco_<base64url(tenant ‖ contact ‖ offer ‖ expiry epoch seconds)>.<base64url(HMAC)>},
 * made like setup links (SetupLinkSigner): stateless, the MAC key derived from {@code parley.jwt.secret} for this
 * one purpose ("parley-checkout-link-v1"), so a token of one kind never passes as another. The tenant, contact and
 * offer are inside the MAC: a token cannot be pointed at another contact, offer or tenant.
 */
@Singleton
public final class CheckoutLinkSigner {

    public static final String PREFIX = "pco_";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int PAYLOAD_BYTES = 16 * 3 + 8;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public CheckoutLinkSigner(@Value("${parley.jwt.secret}") String secret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                "parley-checkout-link-v1"), ALGORITHM);
    }

    public String sign(TenantId tenant, UUID contact, UUID offer, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
        for (UUID id : new UUID[]{tenant.value(), contact, offer}) {
            payload.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        payload.putLong(expiresAt.getEpochSecond());
        String signed = PREFIX + ENCODER.encodeToString(payload.array());
        return signed + "." + ENCODER.encodeToString(hmac(key, signed));
    }

    /** What a token names when its MAC is right (constant-time compare); expiry is the caller's check. */
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
        UUID offer = new UUID(buffer.getLong(), buffer.getLong());
        return Optional.of(new Claims(tenant, contact, offer, Instant.ofEpochSecond(buffer.getLong())));
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

    public record Claims(TenantId tenant, UUID contact, UUID offer, Instant expiresAt) {
    }
}
