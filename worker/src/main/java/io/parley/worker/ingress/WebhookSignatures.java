package io.parley.worker.ingress;

import io.micronaut.core.annotation.Nullable;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Webhook authenticity checks, always on the raw body bytes as received (re-encoded JSON has other bytes) and with
 * constant-time comparisons. Secrets are used as their UTF-8 bytes, never hex- or base64-decoded. Vectors:
 * shared/protocols/signatures.md. A missing header or secret is a rejection.
 */
public final class WebhookSignatures {

    private static final String META_PREFIX = "sha256=";

    private WebhookSignatures() {
    }

    /** LINE {@code x-line-signature}: Base64(HMAC-SHA256(channel secret, body)) (README §1.3). */
    public static boolean line(@Nullable String channelSecret, byte[] body, @Nullable String header) {
        if (channelSecret == null || header == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256(channelSecret, body), given);
    }

    /** Meta {@code X-Hub-Signature-256}: "sha256=" + lowercase hex(HMAC-SHA256(app secret, body)) (README §2.3). */
    public static boolean meta(@Nullable String appSecret, byte[] body, @Nullable String header) {
        if (appSecret == null || header == null || !header.startsWith(META_PREFIX)) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmacSha256(appSecret, body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.substring(META_PREFIX.length()).getBytes(StandardCharsets.UTF_8));
    }

    /** Telegram {@code X-Telegram-Bot-Api-Secret-Token}: exactly the secret given to setWebhook (README §3.3). */
    public static boolean telegram(@Nullable String webhookSecret, @Nullable String header) {
        return sameSecret(webhookSecret, header);
    }

    /** A shared secret sent back verbatim (Telegram's secret token, Meta's verify token), compared in constant time. */
    public static boolean sameSecret(@Nullable String expected, @Nullable String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** 401 invalid-signature; the request is not processed any further and nothing is stored. */
    public static ProblemException rejected(String header) {
        return new ProblemException(ProblemKind.INVALID_SIGNATURE,
                header + " is missing or does not match this channel's secret; the request was not processed.");
    }

    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
