package io.parley.core.webpush;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

/**
 * The server's VAPID key pair (RFC 8292 §3). Browsers subscribe with the public key ({@code applicationServerKey});
 * push services accept only pushes signed by its private key. {@link #toString()} never shows the private key.
 */
record VapidKeys(ECPublicKey publicKey, ECPrivateKey privateKey) {

    /** Parses base64url keys, checking that they are one pair; IllegalArgumentException names what is wrong. */
    static VapidKeys parse(String publicKey, String privateKey) {
        ECPublicKey pub;
        ECPrivateKey priv;
        try {
            pub = PushEncryption.publicKey(Base64.getUrlDecoder().decode(publicKey.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the VAPID public key is not base64url of a 65-byte P-256 point");
        }
        try {
            priv = PushEncryption.privateKey(Base64.getUrlDecoder().decode(privateKey.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the VAPID private key is not base64url of a 32-byte P-256 key");
        }
        VapidKeys keys = new VapidKeys(pub, priv);
        if (!keys.isPair()) {
            throw new IllegalArgumentException("the VAPID public and private keys are not one pair");
        }
        return keys;
    }

    String publicKeyBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(PushEncryption.uncompressed(publicKey));
    }

    String privateKeyBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(PushEncryption.scalar(privateKey));
    }

    /** Signs and verifies a probe: true when the private key belongs to the public key. */
    private boolean isPair() {
        try {
            byte[] probe = "parley vapid pair".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(Vapid.ALGORITHM);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(Vapid.ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "VapidKeys[" + publicKeyBase64() + "]";
    }
}
