package io.parley.core.webpush;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The browser's side of a push subscription, as {@code PushManager.subscribe} makes it: a P-256 key pair
 * ({@code p256dh}) and a 16-byte {@code auth} secret; and the user agent's decryption of RFC 8291 §3.4 / RFC 8188,
 * written from the RFCs independently of {@link PushEncryption}'s encryption.
 */
record BrowserSubscription(ECPrivateKey privateKey, byte[] publicKey, byte[] auth) {

    static BrowserSubscription create() {
        KeyPair pair = PushEncryption.newKeyPair();
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return new BrowserSubscription((ECPrivateKey) pair.getPrivate(),
                PushEncryption.uncompressed((ECPublicKey) pair.getPublic()), auth);
    }

    String p256dhBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey);
    }

    String authBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
    }

    /** Decrypts an aes128gcm body sent to this subscription; throws when it was not encrypted for it. */
    byte[] decrypt(byte[] body) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] serverPublic = new byte[in.get() & 0xff];
        in.get(serverPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (recordSize < 18 || ciphertext.length > recordSize) {
            throw new GeneralSecurityException("one record expected, of at most rs bytes");
        }
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(privateKey);
        agreement.doPhase(PushEncryption.publicKey(serverPublic), true);
        byte[] ecdh = agreement.generateSecret();
        byte[] prkKey = PushEncryption.hmac(auth, ecdh);
        byte[] info = PushEncryption.concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0},
                publicKey, serverPublic, new byte[] {1});
        byte[] ikm = PushEncryption.hmac(prkKey, info);
        byte[] prk = PushEncryption.hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(PushEncryption.hmac(prk,
                "Content-Encoding: aes128gcm\0\1".getBytes(StandardCharsets.US_ASCII)), 16);
        byte[] nonce = Arrays.copyOf(PushEncryption.hmac(prk,
                "Content-Encoding: nonce\0\1".getBytes(StandardCharsets.US_ASCII)), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("the last record must end with the 0x02 delimiter");
        }
        return Arrays.copyOf(padded, end);
    }
}
