package io.parley.core.webpush;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * Web Push message encryption, RFC 8291 (https://www.rfc-editor.org/rfc/rfc8291), in the {@code aes128gcm} content
 * coding of RFC 8188 (https://www.rfc-editor.org/rfc/rfc8188): one record, ECDH on P-256 between a fresh key pair
 * of ours and the browser's {@code p256dh} key, HKDF-SHA-256 keyed by the browser's {@code auth} secret.
 *
 * <p>Hand-written on the JDK (ECDH, HMAC, AES-GCM) rather than a library: the Java Web Push libraries on Maven
 * Central pull BouncyCastle and an async HTTP client (nl.martijndwars:web-push) or Kotlin (com.interaso:webpush),
 * whose reflection and provider registration are a burden for a GraalVM native image, while the whole algorithm is
 * ~40 lines; it is tested byte-exact against the RFC's Appendix A example.
 */
public final class PushEncryption {

    /** One record holds the whole message: the push service accepts at least 4096 bytes (RFC 8030 §7.2). */
    static final int RECORD_SIZE = 4096;
    /** 16 salt + 4 record size + 1 key id length + 65 key id + 16 GCM tag + 1 padding delimiter. */
    static final int OVERHEAD = 16 + 4 + 1 + 65 + 16 + 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ECParameterSpec P256 = p256();

    private PushEncryption() {
    }

    /** Encrypts {@code plaintext} for a browser's subscription with a fresh key pair and salt. */
    public static byte[] encrypt(byte[] plaintext, byte[] userAgentPublic, byte[] authSecret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, userAgentPublic, authSecret, newKeyPair(), salt);
    }

    /** RFC 8291 §3.4 with the given application server key pair and salt (fixed only in the RFC's test vector). */
    static byte[] encrypt(byte[] plaintext, byte[] userAgentPublic, byte[] authSecret, KeyPair server, byte[] salt) {
        if (plaintext.length + OVERHEAD > RECORD_SIZE) {
            throw new IllegalArgumentException("a push message holds at most " + (RECORD_SIZE - OVERHEAD) + " bytes");
        }
        try {
            byte[] serverPublic = uncompressed((ECPublicKey) server.getPublic());
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(server.getPrivate());
            agreement.doPhase(publicKey(userAgentPublic), true);
            byte[] ecdhSecret = agreement.generateSecret();

            // HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32)
            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), userAgentPublic, serverPublic);
            byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
            byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // the last (only) record ends with the 0x02 delimiter and no padding (RFC 8188 §2)
            byte[] ciphertext = cipher.doFinal(concat(plaintext, new byte[] {2}));

            return ByteBuffer.allocate(16 + 4 + 1 + serverPublic.length + ciphertext.length)
                    .put(salt).putInt(RECORD_SIZE).put((byte) serverPublic.length).put(serverPublic).put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Web Push encryption failed", e);
        }
    }

    /** HKDF-SHA-256 (RFC 5869) for at most one block of output, all RFC 8291 needs. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        byte[] prk = hmac(salt, ikm);
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** A fresh P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available", e);
        }
    }

    /** The 65-byte uncompressed point (0x04 ‖ x ‖ y) of a P-256 public key: the form browsers and VAPID use. */
    public static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        unsigned(key.getW().getAffineX(), out, 1);
        unsigned(key.getW().getAffineY(), out, 33);
        return out;
    }

    /** A P-256 public key from its 65-byte uncompressed point; throws IllegalArgumentException otherwise. */
    public static ECPublicKey publicKey(byte[] point) {
        if (point.length != 65 || point[0] != 4) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
        } catch (GeneralSecurityException e) { // the JDK checks that the point is on the curve
            throw new IllegalArgumentException("not a point on P-256", e);
        }
    }

    /** A P-256 private key from its 32-byte scalar. */
    public static ECPrivateKey privateKey(byte[] scalar) {
        if (scalar.length != 32) {
            throw new IllegalArgumentException("a P-256 private key is 32 bytes");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    /** The 32-byte scalar of a P-256 private key. */
    public static byte[] scalar(ECPrivateKey key) {
        byte[] out = new byte[32];
        unsigned(key.getS(), out, 0);
        return out;
    }

    private static void unsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        int length = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + 32 - length, length);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available", e);
        }
    }
}
