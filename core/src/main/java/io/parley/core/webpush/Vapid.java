package io.parley.core.webpush;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;

/**
 * VAPID, RFC 8292 (https://www.rfc-editor.org/rfc/rfc8292): the {@code Authorization: vapid t=<jwt>, k=<public key>}
 * header that identifies us to a push service. The JWT is ES256 (RFC 7518 §3.4) with {@code aud} = the endpoint's
 * origin, {@code exp} at most 24 hours ahead (§2) and {@code sub} = a contact address of the operator.
 *
 * <p>JOSE wants the signature as the raw {@code r ‖ s}, 32 bytes each, not the DER sequence {@code SHA256withECDSA}
 * gives: the JDK's {@value #ALGORITHM} (IEEE P1363 format) is exactly that, so no DER→JOSE conversion is needed.
 */
final class Vapid {

    /** ECDSA P-256 with SHA-256, signature as {@code r ‖ s} (JWS ES256). */
    static final String ALGORITHM = "SHA256withECDSAinP1363Format";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}"
            .getBytes(StandardCharsets.US_ASCII));

    private Vapid() {
    }

    /** The Authorization header's value for a push to {@code endpoint}. */
    static String authorization(VapidKeys keys, String subject, URI endpoint, Instant expires) {
        return "vapid t=" + jwt(keys.privateKey(), audience(endpoint), subject, expires) + ", k=" + keys.publicKeyBase64();
    }

    /** The push resource's origin: scheme, host and a port only when it is not the default (RFC 6454). */
    static String audience(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + endpoint.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    static String jwt(ECPrivateKey key, String audience, String subject, Instant expires) {
        String claims = "{\"aud\":\"" + jsonString(audience) + "\",\"exp\":" + expires.getEpochSecond()
                + ",\"sub\":\"" + jsonString(subject) + "\"}";
        String signingInput = HEADER + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    private static String jsonString(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
