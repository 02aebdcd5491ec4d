package io.parley.worker.ingress.whatsapp;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.Fixtures;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET (handshake) and POST /webhooks/whatsapp/{channelId}. */
@MicronautTest(transactional = false)
class WhatsAppWebhookTest extends WorkerTest {

    @Test
    void answersTheVerificationHandshakeWithTheChallenge() {
        Channels.Created channel = channels().whatsapp();

        Reply reply = http().get("webhooks/whatsapp/" + channel.id()
                + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=fake-verify-token-tenant-42", Map.of());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        assertThat(reply.text()).isEqualTo("1158201444");
    }

    @Test
    void refusesTheHandshakeWithAnotherTokenOrMode() {
        Channels.Created channel = channels().whatsapp();
        String path = "webhooks/whatsapp/" + channel.id() + "?hub.challenge=1158201444";

        Reply wrongToken = http().get(path + "&hub.mode=subscribe&hub.verify_token=fake-verify-token-tenant-43", Map.of());
        Reply wrongMode = http().get(path + "&hub.mode=unsubscribe&hub.verify_token=fake-verify-token-tenant-42", Map.of());
        Reply noToken = http().get(path + "&hub.mode=subscribe", Map.of());

        for (Reply reply : List.of(wrongToken, wrongMode, noToken)) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.text()).doesNotContain("1158201444").doesNotContain(Channels.META_VERIFY_TOKEN);
        }
    }

    @Test
    void storesASignedMessageWithItsTurn() {
        Channels.Created channel = channels().whatsapp();

        Reply reply = post(channel.id(), Fixtures.bytes("whatsapp-webhook-text.json"),
                "sha256=bbba7aec8973459d6ac73a69d384f3bb7bee0121b056a8496a4c1388c392e8a1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(rows().events(channel.id())).singleElement().satisfies(event -> {
            assertThat(event.get("provider_event_id")).isEqualTo("wamid.FAKE000000000000000000000000000001");
            assertThat((String) event.get("payload")).contains("\"displayName\": \"Test User\"")
                    .contains("\"text\": \"Café open today?\"");
        });
        assertThat(rows().jobs(channel.tenant().value())).singleElement().satisfies(job -> {
            assertThat(job.get("unique_key")).isEqualTo("in:" + channel.id() + ":wamid.FAKE000000000000000000000000000001");
            assertThat(job.get("serial_key")).isEqualTo("conv:" + channel.id() + ":15551230001");
        });
    }

    @Test
    void storesEachStatusOnceInTheOrderOfTheContactsSends() {
        Channels.Created channel = channels().whatsapp();
        for (String fixture : List.of("whatsapp-webhook-status-sent.json", "whatsapp-webhook-status-delivered.json",
                "whatsapp-webhook-status-read.json", "whatsapp-webhook-status-read.json")) {
            byte[] body = Fixtures.bytes(fixture);
            assertThat(post(channel.id(), body, sign(body)).status()).isEqualTo(200);
        }

        assertThat(rows().events(channel.id())).extracting(event -> event.get("provider_event_id")).containsExactly(
                "wamid.FAKE000000000000000000000000000777:sent", "wamid.FAKE000000000000000000000000000777:delivered",
                "wamid.FAKE000000000000000000000000000777:read");
        assertThat(rows().jobs(channel.tenant().value())).extracting(job -> job.get("serial_key"))
                .containsOnly("conv:" + channel.id() + ":15551230001:out").hasSize(3);
    }

    @Test
    void aChangeForAnotherNumberOfTheTenantsMetaAppGoesToThatNumbersChannel() {
        Channels.Created first = channels().whatsapp();
        String number = "3" + (System.nanoTime() % 100_000_000_000_000L);
        UUID second = channels().addWhatsApp(first, number);
        byte[] body = Fixtures.text("whatsapp-webhook-text.json").replace("200000000000002", number).getBytes();

        assertThat(post(first.id(), body, sign(body)).status()).isEqualTo(200);

        assertThat(rows().events(first.id())).isEmpty();
        assertThat(rows().events(second)).extracting(event -> event.get("provider_event_id"))
                .containsExactly("wamid.FAKE000000000000000000000000000001");
        assertThat(rows().jobs(first.tenant().value())).singleElement().satisfies(job ->
                assertThat(job.get("serial_key")).isEqualTo("conv:" + second + ":15551230001"));
    }

    @Test
    void aNumberOfAnotherTenantIsNeverRoutedTo() {
        Channels.Created first = channels().whatsapp();
        Channels.Created stranger = channels().whatsapp();
        String number = "4" + (System.nanoTime() % 100_000_000_000_000L);
        UUID strangers = channels().addWhatsApp(stranger, number);
        byte[] body = Fixtures.text("whatsapp-webhook-text.json").replace("200000000000002", number).getBytes();

        assertThat(post(first.id(), body, sign(body)).status()).isEqualTo(200);

        assertThat(rows().events(strangers)).isEmpty();
        assertThat(rows().events(first.id())).hasSize(1);
    }

    @Test
    void asynchronousErrorsAreAcknowledgedWithoutStoringAnything() {
        Channels.Created channel = channels().whatsapp();
        byte[] body = Fixtures.bytes("whatsapp-webhook-value-errors-130429.json");

        assertThat(post(channel.id(), body, sign(body)).status()).isEqualTo(200);
        assertThat(rows().events(channel.id())).isEmpty();
    }

    @Test
    void rejectsAReEncodedBodyOrAMissingSignature() {
        Channels.Created channel = channels().whatsapp();
        byte[] reEncoded = Fixtures.text("whatsapp-webhook-text.json").replace("\\u00e9", "é").getBytes();

        Reply reEncodedReply = post(channel.id(), reEncoded,
                "sha256=bbba7aec8973459d6ac73a69d384f3bb7bee0121b056a8496a4c1388c392e8a1");
        Reply missing = http().post("webhooks/whatsapp/" + channel.id(), Fixtures.bytes("whatsapp-webhook-text.json"),
                Map.of());

        for (Reply reply : List.of(reEncodedReply, missing)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/invalid-signature");
        }
        assertThat(rows().events(channel.id())).isEmpty();
    }

    @Test
    void anUnknownChannelIsNotFoundForBothMethods() {
        String path = "webhooks/whatsapp/" + UUID.randomUUID();

        assertThat(http().get(path + "?hub.mode=subscribe&hub.challenge=1&hub.verify_token=x", Map.of()).status())
                .isEqualTo(404);
        assertThat(post(UUID.randomUUID(), Fixtures.bytes("whatsapp-webhook-text.json"), "sha256=00").status())
                .isEqualTo(404);
    }

    private Reply post(UUID channelId, byte[] body, String signature) {
        return http().post("webhooks/whatsapp/" + channelId, body,
                Map.of(WhatsAppWebhookController.SIGNATURE, signature));
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Channels.META_APP_SECRET.getBytes(), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
