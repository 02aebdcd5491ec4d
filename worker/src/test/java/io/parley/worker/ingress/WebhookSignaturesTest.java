package io.parley.worker.ingress;

import io.parley.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Every vector of shared/protocols/signatures.md §1–3, positive and negative. */
class WebhookSignaturesTest {

    private static final String LINE_SECRET = "0123456789abcdef0123456789abcdef";
    private static final String META_SECRET = "abcdef0123456789abcdef0123456789";
    private static final String TELEGRAM_SECRET = "fake_tg_secret-tenant_42-0001";

    @Test
    void fixturesAreTheBytesTheVectorsWereComputedOn() throws Exception {
        assertThat(Fixtures.bytes("line-webhook-text.json")).hasSize(487);
        assertThat(sha256(Fixtures.bytes("line-webhook-text.json")))
                .isEqualTo("17a7dc43ec91427c740c86afb43b715fb6e167a8bf2109e850e2c4b8f02efe59");
        assertThat(Fixtures.bytes("whatsapp-webhook-text.json")).hasSize(464);
        assertThat(sha256(Fixtures.bytes("whatsapp-webhook-text.json")))
                .isEqualTo("221d3e3e85031361fb7aa098c234fab39fe01db9239c926517637c4b79bb126b");
    }

    @Test
    void acceptsLineSignatureOfTheFixtureBody() {
        assertThat(WebhookSignatures.line(LINE_SECRET, Fixtures.bytes("line-webhook-text.json"),
                "Yg8kDurb42yK9/H5HOWd960/nMK6i+qG26T9Ir2almk=")).isTrue();
    }

    @Test
    void acceptsLineSignatureOfTheVerificationPing() {
        byte[] ping = "{\"destination\":\"Ufeedfacefeedfacefeedfacefeedface\",\"events\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ping).hasSize(63);
        assertThat(WebhookSignatures.line(LINE_SECRET, ping, "UrkK4j+FjPy7m8AzcCaWpXhgl6ogedR9RFyvWV62hkY=")).isTrue();
    }

    @Test
    void rejectsLineSignaturesOfCommonMistakes() {
        byte[] body = Fixtures.bytes("line-webhook-text.json");
        // body + "\n", re-serialized JSON, hex-decoded secret: each computed a different value (§1c)
        assertThat(WebhookSignatures.line(LINE_SECRET, body, "IYDI5yFL02QFNb/bMArbjyS8M2X65N7wieMSEp5Zbvs=")).isFalse();
        assertThat(WebhookSignatures.line(LINE_SECRET, body, "6mdVf2J2KeyR0G3vZifElBWzs9rFw2MsOQUEIZXUb2c=")).isFalse();
        assertThat(WebhookSignatures.line(LINE_SECRET, body, "wL6Qwns2CXYIiXvp+0KUHpAuOANLraDLEnw7UQAXNRU=")).isFalse();
    }

    @Test
    void rejectsLineWebhookWithAlteredBodyMissingHeaderOrNoSecret() {
        byte[] body = Fixtures.bytes("line-webhook-text.json");
        byte[] altered = (Fixtures.text("line-webhook-text.json") + "\n").getBytes(StandardCharsets.UTF_8);
        String good = "Yg8kDurb42yK9/H5HOWd960/nMK6i+qG26T9Ir2almk=";
        assertThat(WebhookSignatures.line(LINE_SECRET, altered, good)).isFalse();
        assertThat(WebhookSignatures.line(LINE_SECRET, body, null)).isFalse();
        assertThat(WebhookSignatures.line(LINE_SECRET, body, "not base64 !")).isFalse();
        assertThat(WebhookSignatures.line(null, body, good)).isFalse();
        assertThat(WebhookSignatures.line("another-secret", body, good)).isFalse();
    }

    @Test
    void acceptsMetaSignaturesOfFixtureAndInlineBodies() {
        assertThat(WebhookSignatures.meta(META_SECRET, Fixtures.bytes("whatsapp-webhook-text.json"),
                "sha256=bbba7aec8973459d6ac73a69d384f3bb7bee0121b056a8496a4c1388c392e8a1")).isTrue();
        assertThat(WebhookSignatures.meta(META_SECRET,
                "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8),
                "sha256=d0026ea131d4d86aba73487c17e158a8c0be37f28d5bfa5ca5290411cedeaafa")).isTrue();
    }

    @Test
    void rejectsMetaSignatureOfAReEncodedBodyAndMalformedHeaders() {
        byte[] body = Fixtures.bytes("whatsapp-webhook-text.json");
        String good = "bbba7aec8973459d6ac73a69d384f3bb7bee0121b056a8496a4c1388c392e8a1";
        // §2c: the value a handler computes after decoding \u00e9 to a raw é
        assertThat(WebhookSignatures.meta(META_SECRET, body,
                "sha256=1f7c7af7f032106358626f76486656aa2a77c4f59911678eba4d432b6840ee67")).isFalse();
        byte[] reEncoded = Fixtures.text("whatsapp-webhook-text.json").replace("\\u00e9", "é")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.meta(META_SECRET, reEncoded, "sha256=" + good)).isFalse();
        assertThat(WebhookSignatures.meta(META_SECRET, body, good)).as("without the sha256= prefix").isFalse();
        assertThat(WebhookSignatures.meta(META_SECRET, body, "sha1=" + good)).isFalse();
        assertThat(WebhookSignatures.meta(META_SECRET, body, null)).isFalse();
        assertThat(WebhookSignatures.meta(null, body, "sha256=" + good)).isFalse();
    }

    @Test
    void acceptsExactlyTheTelegramSecretToken() {
        assertThat(WebhookSignatures.telegram(TELEGRAM_SECRET, "fake_tg_secret-tenant_42-0001")).isTrue();
        assertThat(WebhookSignatures.telegram(TELEGRAM_SECRET, "fake_tg_secret-tenant_42-0002")).isFalse();
        assertThat(WebhookSignatures.telegram(TELEGRAM_SECRET, "FAKE_TG_SECRET-TENANT_42-0001")).isFalse();
        assertThat(WebhookSignatures.telegram(TELEGRAM_SECRET, null)).isFalse();
        assertThat(WebhookSignatures.telegram(null, TELEGRAM_SECRET)).isFalse();
        assertThat(WebhookSignatures.telegram("", "")).as("a channel without a secret accepts nothing").isFalse();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
