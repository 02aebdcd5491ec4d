package io.parley.core.secrets;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final String OLD = "old:" + key(1);
    private static final String NEW = "new:" + key(2);

    @Test
    void sealedSecretOpensWithTheSameContext() {
        SecretBox box = new SecretBox(NEW);
        String sealed = box.seal("channel-access-token-123", "tenant:a/channel:1/accessToken");
        assertThat(sealed).startsWith("v1:new:").doesNotContain("channel-access-token-123");
        assertThat(box.open(sealed, "tenant:a/channel:1/accessToken")).isEqualTo("channel-access-token-123");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        SecretBox box = new SecretBox(NEW);
        assertThat(box.seal("same", "ctx")).isNotEqualTo(box.seal("same", "ctx"));
    }

    @Test
    void refusesToOpenUnderAnotherContext() {
        SecretBox box = new SecretBox(NEW);
        String sealed = box.seal("secret", "tenant:a/channel:1/accessToken");
        assertThatThrownBy(() -> box.open(sealed, "tenant:b/channel:1/accessToken"))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageNotContaining("secret\"");
    }

    @Test
    void refusesAnAlteredCiphertext() {
        SecretBox box = new SecretBox(NEW);
        String sealed = box.seal("secret", "ctx");
        int middle = sealed.length() - 10;
        char original = sealed.charAt(middle);
        String altered = sealed.substring(0, middle) + (original == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);
        assertThatThrownBy(() -> box.open(altered, "ctx")).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void valuesSealedWithARetiredKeyStillOpenAfterRotation() {
        String sealedBefore = new SecretBox(OLD).seal("secret", "ctx");
        SecretBox rotated = new SecretBox(NEW + "," + OLD);
        assertThat(rotated.open(sealedBefore, "ctx")).isEqualTo("secret");
        assertThat(rotated.needsRotation(sealedBefore)).isTrue();
        assertThat(rotated.seal("secret", "ctx")).startsWith("v1:new:");
    }

    @Test
    void refusesAValueSealedWithAnUnknownKey() {
        String sealed = new SecretBox(OLD).seal("secret", "ctx");
        assertThatThrownBy(() -> new SecretBox(NEW).open(sealed, "ctx"))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("'old'");
    }

    @Test
    void rejectsMisconfiguredKeysWithoutEchoingThem() {
        assertThatThrownBy(() -> new SecretBox("")).hasMessageContaining("PARLEY_ENCRYPTION_KEY is not set");
        assertThatThrownBy(() -> new SecretBox("k:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> new SecretBox("k:not base64!")).hasMessageContaining("is not base64")
                .hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> new SecretBox(NEW + "," + NEW)).hasMessageContaining("appears twice");
    }

    @Test
    void acceptsABareKeyAsK1() {
        SecretBox box = new SecretBox(key(3));
        assertThat(box.seal("x", "ctx")).startsWith("v1:k1:");
    }

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
