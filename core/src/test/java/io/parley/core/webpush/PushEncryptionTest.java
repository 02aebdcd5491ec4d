package io.parley.core.webpush;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8291 encryption byte-exact against the RFC's example, and VAPID tokens a push service accepts. */
class PushEncryptionTest {

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    @Test
    void encryptsTheRfc8291AppendixAExampleByteForByte() {
        byte[] plaintext = "When I grow up, I want to be a watermelon".getBytes(StandardCharsets.UTF_8);
        byte[] userAgentPublic = B64.decode(
                "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        KeyPair server = new KeyPair(PushEncryption.publicKey(B64.decode(
                "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8")),
                PushEncryption.privateKey(B64.decode("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw")));

        byte[] body = PushEncryption.encrypt(plaintext, userAgentPublic, B64.decode("BTBZMqHH6r4Tts7J_aSIgg"), server,
                B64.decode("DGv6ra1nlYgDCS1FRnbzlw"));

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(body)).isEqualTo(
                "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8w"
                        + "EqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
    }

    @Test
    void theRfcExampleDecryptsWithTheUserAgentsPrivateKey() throws Exception {
        BrowserSubscription browser = new BrowserSubscription(
                PushEncryption.privateKey(B64.decode("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94")),
                B64.decode("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
                B64.decode("BTBZMqHH6r4Tts7J_aSIgg"));

        byte[] plain = browser.decrypt(B64.decode("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMo"
                + "ZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNW"
                + "QexSgSxsj_Qulcy4a-fN"));

        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("When I grow up, I want to be a watermelon");
    }

    @Test
    void eachMessageUsesAFreshKeyAndSaltAndOnlyItsBrowserDecryptsIt() throws Exception {
        BrowserSubscription browser = BrowserSubscription.create();
        byte[] message = "{\"title\":\"hi\"}".getBytes(StandardCharsets.UTF_8);

        byte[] first = PushEncryption.encrypt(message, browser.publicKey(), browser.auth());
        byte[] second = PushEncryption.encrypt(message, browser.publicKey(), browser.auth());

        assertThat(first).isNotEqualTo(second);
        assertThat(browser.decrypt(first)).isEqualTo(message);
        assertThat(browser.decrypt(second)).isEqualTo(message);
        BrowserSubscription other = BrowserSubscription.create();
        assertThatThrownBy(() -> other.decrypt(first)).isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void refusesAMessageThatDoesNotFitOneRecord() {
        BrowserSubscription browser = BrowserSubscription.create();

        assertThatThrownBy(() -> PushEncryption.encrypt(new byte[4000], browser.publicKey(), browser.auth()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVapidTokenIsEs256ForTheEndpointsOriginAndVerifiesWithTheHeadersKey() throws Exception {
        KeyPair pair = PushEncryption.newKeyPair();
        VapidKeys keys = new VapidKeys((java.security.interfaces.ECPublicKey) pair.getPublic(),
                (java.security.interfaces.ECPrivateKey) pair.getPrivate());
        Instant expires = Instant.parse("2026-12-08T12:00:00Z");

        String header = Vapid.authorization(keys, "mailto:ops@parley.example",
                java.net.URI.create("https://fcm.googleapis.com:443/fcm/send/abc?x=1"), expires);

        assertThat(header).startsWith("vapid t=").endsWith(", k=" + keys.publicKeyBase64());
        String jwt = header.substring("vapid t=".length(), header.indexOf(", k="));
        String[] parts = jwt.split("\\.");
        assertThat(new String(B64.decode(parts[0]), StandardCharsets.UTF_8)).contains("\"alg\":\"ES256\"");
        assertThat(new String(B64.decode(parts[1]), StandardCharsets.UTF_8)).isEqualTo(
                "{\"aud\":\"https://fcm.googleapis.com\",\"exp\":" + expires.getEpochSecond()
                        + ",\"sub\":\"mailto:ops@parley.example\"}");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(PushEncryption.publicKey(B64.decode(keys.publicKeyBase64())));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(B64.decode(parts[2])).hasSize(64);
        assertThat(verifier.verify(B64.decode(parts[2]))).isTrue();
        assertThat(Vapid.audience(java.net.URI.create("https://push.example:8443/p/1")))
                .isEqualTo("https://push.example:8443");
    }

    @Test
    void configuredKeysMustBeOnePair() {
        VapidKeys one = keys();
        VapidKeys other = keys();

        assertThat(VapidKeys.parse(one.publicKeyBase64(), one.privateKeyBase64()).publicKeyBase64())
                .isEqualTo(one.publicKeyBase64());
        assertThatThrownBy(() -> VapidKeys.parse(one.publicKeyBase64(), other.privateKeyBase64()))
                .hasMessage("the VAPID public and private keys are not one pair");
        assertThatThrownBy(() -> VapidKeys.parse("not-a-key", one.privateKeyBase64()))
                .hasMessageContaining("public key");
        assertThat(one.toString()).doesNotContain(one.privateKeyBase64());
    }

    @Test
    void halfAConfiguredPairOrABadSubjectStopsTheStart() {
        VapidKeys keys = keys();
        java.time.Duration ttl = java.time.Duration.ofHours(12);

        assertThatThrownBy(() -> new VapidKeyStore(new WebPushSettings(true, keys.publicKeyBase64(), null, null, ttl, ttl),
                null, null, null, "https://parley.example")).hasMessageContaining("both");
        assertThatThrownBy(() -> new VapidKeyStore(new WebPushSettings(true, null, null, "ops@parley.example", ttl, ttl),
                null, null, null, "https://parley.example")).hasMessageContaining("mailto:");
        VapidKeyStore configured = new VapidKeyStore(new WebPushSettings(true, keys.publicKeyBase64(),
                keys.privateKeyBase64(), null, ttl, ttl), null, null, null, "https://parley.example/");
        assertThat(configured.keys().publicKeyBase64()).isEqualTo(keys.publicKeyBase64());
        assertThat(configured.subject()).isEqualTo("https://parley.example");
        assertThat(new WebPushSettings(true, keys.publicKeyBase64(), keys.privateKeyBase64(), null, ttl, ttl).toString())
                .doesNotContain(keys.privateKeyBase64());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-12-08T00:00:00Z");

        assertThat(WebPushHandler.retryAfter("7", now)).hasValue(java.time.Duration.ofSeconds(7));
        assertThat(WebPushHandler.retryAfter("Tue, 08 Dec 2026 00:01:00 GMT", now))
                .hasValue(java.time.Duration.ofSeconds(60));
        assertThat(WebPushHandler.retryAfter("86400", now)).hasValue(java.time.Duration.ofHours(1));
        assertThat(WebPushHandler.retryAfter(null, now)).isEmpty();
        assertThat(WebPushHandler.retryAfter("soon", now)).isEmpty();
    }

    private static VapidKeys keys() {
        KeyPair pair = PushEncryption.newKeyPair();
        return new VapidKeys((java.security.interfaces.ECPublicKey) pair.getPublic(),
                (java.security.interfaces.ECPrivateKey) pair.getPrivate());
    }
}
