package io.parley.worker.ingress.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks an identity the host site signed with the channel's identity secret: either {@code userId} with
 * {@code userHash} = hex HMAC-SHA256(secret, userId), or a JWT signed HS256 with the secret (nimbus-jose-jwt, the
 * library micronaut-security uses) whose {@code exp} is at most an hour away. Comparisons are constant-time.
 */
@Singleton
final class WebIdentityVerifier {

    static final int MAX_USER_ID = 200;
    static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);
    static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final int MAX_ATTRIBUTES = 50;
    private static final int MAX_VALUE = 500;
    private static final int MAX_TEXT = 320;

    private final Clock clock;

    WebIdentityVerifier() {
        this(Clock.systemUTC());
    }

    WebIdentityVerifier(Clock clock) {
        this.clock = clock;
    }

    WebIdentity verify(@Nullable WebChatWire.Identity identity, @Nullable String secret) {
        if (identity == null || identity.isEmpty()) {
            return new WebIdentity.Absent();
        }
        if (secret == null) {
            return new WebIdentity.Invalid("This chat does not accept signed-in users yet.");
        }
        if (identity.token() != null) {
            return token(identity.token(), secret);
        }
        if (identity.userId() == null || identity.userHash() == null) {
            return new WebIdentity.Invalid("Send userId with userHash, or a token.");
        }
        return hash(identity.userId(), identity.userHash(), secret);
    }

    private WebIdentity hash(String userId, String userHash, String secret) {
        if (userId.isBlank() || userId.length() > MAX_USER_ID) {
            return new WebIdentity.Invalid("The user id must be 1-" + MAX_USER_ID + " characters.");
        }
        byte[] expected = hmac(secret, userId);
        byte[] sent;
        try {
            sent = HexFormat.of().parseHex(userHash.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            sent = new byte[0];
        }
        return MessageDigest.isEqual(expected, sent) ? new WebIdentity.Verified(userId, null, null, Map.of())
                : new WebIdentity.Invalid("The user hash does not match the user id.");
    }

    private WebIdentity token(String token, String secret) {
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
                return new WebIdentity.Invalid("The identity token's signature does not match.");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null) {
                return new WebIdentity.Invalid("The identity token has no exp.");
            }
            Instant exp = claims.getExpirationTime().toInstant();
            if (exp.isBefore(now.minus(LEEWAY))) {
                return new WebIdentity.Invalid("The identity token has expired; sign a new one.");
            }
            if (exp.isAfter(now.plus(MAX_TOKEN_LIFETIME).plus(LEEWAY))) {
                return new WebIdentity.Invalid("The identity token must expire within an hour.");
            }
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank() || subject.length() > MAX_USER_ID) {
                return new WebIdentity.Invalid("The identity token's sub must be 1-" + MAX_USER_ID + " characters.");
            }
            return new WebIdentity.Verified(subject, text(claims.getStringClaim("name")),
                    text(claims.getStringClaim("email")), attributes(claims.getJSONObjectClaim("attributes")));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return new WebIdentity.Invalid("The identity token is not a valid JWT.");
        }
    }

    /** Scalar values only (text, numbers, booleans), as contact attributes take them; the rest is left out. */
    private static Map<String, Object> attributes(@Nullable Map<String, Object> claim) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (claim == null) {
            return kept;
        }
        claim.forEach((key, value) -> {
            boolean scalar = value instanceof Number || value instanceof Boolean
                    || (value instanceof String s && s.length() <= MAX_VALUE);
            if (kept.size() < MAX_ATTRIBUTES && scalar && key.matches("[A-Za-z][A-Za-z0-9_]{0,39}")) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /** A name or email, stripped and cut to {@link #MAX_TEXT} characters; null when blank. */
    @Nullable
    private static String text(@Nullable String value) {
        String stripped = value == null ? "" : value.strip();
        return stripped.isEmpty() ? null : stripped.substring(0, Math.min(stripped.length(), MAX_TEXT));
    }

    static byte[] hmac(String secret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
