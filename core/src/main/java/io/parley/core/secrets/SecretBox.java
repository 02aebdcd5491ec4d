package io.parley.core.secrets;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets at rest (channel tokens, app secrets, LLM keys) with AES-256-GCM.
 *
 * <p>Sealed form: {@code v1:<keyId>:<base64url(iv ‖ ciphertext ‖ tag)>}. The key id lets old values decrypt after
 * rotation (see {@link KeyRing}). The {@code context} is bound as GCM associated data, so a sealed value copied
 * to another row or tenant (a different context) fails to open instead of leaking.
 */
@Requires(property = "parley.roles", notEquals = "migrate") // the migration Job needs no key
@Context // created at start-up, so a malformed PARLEY_ENCRYPTION_KEY stops the start instead of a later request
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    SecretBox(@Value("${parley.encryption.key:}") String keySpec) {
        this.keys = KeyRing.parse(keySpec);
    }

    /** Encrypts {@code plaintext}; {@code context} (e.g. "tenant:…/channel:…/accessToken") must match on open. */
    public String seal(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.primary(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + keys.primaryId() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts a value made by {@link #seal}; throws {@link SecretUnreadableException} on any mismatch. */
    public String open(String sealedValue, String context) {
        String[] parts = sealedValue == null ? new String[0] : sealedValue.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SecretUnreadableException("not a sealed secret");
        }
        var key = keys.find(parts[1]).orElseThrow(() ->
                new SecretUnreadableException("sealed with key '" + parts[1] + "', which is not configured"));
        try {
            byte[] data = Base64.getUrlDecoder().decode(parts[2]);
            if (data.length < IV_BYTES + TAG_BITS / 8) {
                throw new SecretUnreadableException("sealed value is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretUnreadableException("authentication failed (wrong key or context, or altered value)");
        }
    }

    /** True when the value was sealed with an older key and should be re-sealed. */
    public boolean needsRotation(String sealedValue) {
        String[] parts = sealedValue.split(":", 3);
        return parts.length == 3 && !keys.primaryId().equals(parts[1]);
    }
}
