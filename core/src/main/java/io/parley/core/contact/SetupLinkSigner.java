package io.parley.core.contact;

import io.micronaut.context.annotation.Value;
import io.parley.core.secrets.SignedToken;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.time.Instant;
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
    private static final int PAYLOAD_BYTES = 16 + 16 + 8;

    private final SignedToken tokens;

    public SetupLinkSigner(@Value("${parley.jwt.secret}") String secret) {
        this.tokens = new SignedToken(secret, "parley-setup-link-v1", PREFIX, PAYLOAD_BYTES);
    }

    /** A token for {@code contact} of {@code tenant} that expires at {@code expiresAt} (whole seconds). */
    public String sign(TenantId tenant, UUID contact, Instant expiresAt) {
        return tokens.sign(ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(tenant.value().getMostSignificantBits()).putLong(tenant.value().getLeastSignificantBits())
                .putLong(contact.getMostSignificantBits()).putLong(contact.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond()).array());
    }

    /**
     * What a token names, when its MAC is right (compared in constant time); empty for anything malformed or
     * altered. Expiry is the caller's check, so it can tell "expired" apart from "invalid".
     */
    public Optional<Claims> verify(String token) {
        return tokens.verify(token).map(buffer -> new Claims(new TenantId(new UUID(buffer.getLong(), buffer.getLong())),
                new UUID(buffer.getLong(), buffer.getLong()), Instant.ofEpochSecond(buffer.getLong())));
    }

    /** The contact a valid token names, and until when it may be used. */
    public record Claims(TenantId tenant, UUID contact, Instant expiresAt) {
    }
}
