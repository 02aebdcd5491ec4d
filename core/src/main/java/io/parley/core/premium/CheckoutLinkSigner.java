package io.parley.core.premium;

import io.micronaut.context.annotation.Value;
import io.parley.core.secrets.SignedToken;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.time.Instant;
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
    private static final int PAYLOAD_BYTES = 16 * 3 + 8;

    private final SignedToken tokens;

    public CheckoutLinkSigner(@Value("${parley.jwt.secret}") String secret) {
        this.tokens = new SignedToken(secret, "parley-checkout-link-v1", PREFIX, PAYLOAD_BYTES);
    }

    public String sign(TenantId tenant, UUID contact, UUID offer, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
        for (UUID id : new UUID[]{tenant.value(), contact, offer}) {
            payload.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        return tokens.sign(payload.putLong(expiresAt.getEpochSecond()).array());
    }

    /** What a token names when its MAC is right (constant-time compare); expiry is the caller's check. */
    public Optional<Claims> verify(String token) {
        return tokens.verify(token).map(buffer -> new Claims(new TenantId(new UUID(buffer.getLong(), buffer.getLong())),
                new UUID(buffer.getLong(), buffer.getLong()), new UUID(buffer.getLong(), buffer.getLong()),
                Instant.ofEpochSecond(buffer.getLong())));
    }

    public record Claims(TenantId tenant, UUID contact, UUID offer, Instant expiresAt) {
    }
}
