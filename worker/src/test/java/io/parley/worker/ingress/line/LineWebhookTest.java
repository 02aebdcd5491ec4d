package io.parley.worker.ingress.line;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.Fixtures;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /webhooks/line/{channelId}: signature on the raw bytes, every event stored with its job, then 200. */
@MicronautTest(transactional = false)
class LineWebhookTest extends WorkerTest {

    static final String TEXT_SIGNATURE = "Yg8kDurb42yK9/H5HOWd960/nMK6i+qG26T9Ir2almk=";

    @Test
    void storesASignedEventAndEnqueuesItsTurn() {
        Channels.Created channel = channels().line();

        Reply reply = post(channel.id(), Fixtures.bytes("line-webhook-text.json"), TEXT_SIGNATURE);

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, Object>> events = rows().events(channel.id());
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.get("provider_event_id")).isEqualTo("01KFAKE0000000000000000001");
            assertThat(event.get("kind")).isEqualTo("text");
            assertThat((String) event.get("payload")).contains("\"text\": \"Hello こんにちは\"")
                    .contains("\"replyToken\": \"aaaabbbbccccddddeeeeffff00000001\"");
        });
        UUID eventId = (UUID) events.getFirst().get("id");
        assertThat(rows().jobs(channel.tenant().value())).singleElement().satisfies(job -> {
            assertThat(job.get("kind")).isEqualTo("inbound.turn");
            assertThat(job.get("args")).isEqualTo("{\"eventId\": \"" + eventId + "\"}");
            assertThat(job.get("unique_key")).isEqualTo("in:" + channel.id() + ":01KFAKE0000000000000000001");
            assertThat(job.get("serial_key")).isEqualTo("conv:" + channel.id() + ":Udeadbeefdeadbeefdeadbeefdeadbeef");
            assertThat(job.get("state")).isEqualTo("available");
        });
    }

    @Test
    void aRedeliveryChangesNothing() {
        Channels.Created channel = channels().line();
        post(channel.id(), Fixtures.bytes("line-webhook-text.json"), TEXT_SIGNATURE);
        byte[] redelivered = Fixtures.bytes("line-webhook-text-redelivered.json");

        Reply again = post(channel.id(), redelivered, sign(redelivered));
        Reply twice = post(channel.id(), Fixtures.bytes("line-webhook-text.json"), TEXT_SIGNATURE);

        assertThat(again.status()).isEqualTo(200);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(rows().events(channel.id())).hasSize(1);
        assertThat(rows().jobs(channel.tenant().value())).hasSize(1);
    }

    @Test
    void storesEveryEventOfABatchWithAJobEach() {
        Channels.Created channel = channels().line();
        byte[] body = Fixtures.bytes("line-webhook-multi-event.json");

        assertThat(post(channel.id(), body, sign(body)).status()).isEqualTo(200);

        assertThat(rows().events(channel.id())).extracting(event -> event.get("kind"))
                .containsExactly("text", "follow", "unfollow");
        assertThat(rows().jobs(channel.tenant().value())).extracting(job -> job.get("serial_key")).containsExactly(
                "conv:" + channel.id() + ":Cbadc0debadc0debadc0debadc0de0001", // the group's message: the group's key
                "conv:" + channel.id() + ":Ucafebabecafebabecafebabecafebabe",
                "conv:" + channel.id() + ":Ucafebabecafebabecafebabecafebabe");
    }

    @Test
    void theVerificationPingIsAcknowledgedAndStoresNothing() {
        Channels.Created channel = channels().line();
        byte[] ping = "{\"destination\":\"Ufeedfacefeedfacefeedfacefeedface\",\"events\":[]}".getBytes();

        Reply reply = post(channel.id(), ping, "UrkK4j+FjPy7m8AzcCaWpXhgl6ogedR9RFyvWV62hkY=");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(rows().events(channel.id())).isEmpty();
        assertThat(rows().jobs(channel.tenant().value())).isEmpty();
    }

    @Test
    void rejectsAWrongOrMissingSignatureAndStoresNothing() {
        Channels.Created channel = channels().line();
        byte[] body = Fixtures.bytes("line-webhook-text.json");
        byte[] altered = (Fixtures.text("line-webhook-text.json") + "\n").getBytes();

        Reply wrong = post(channel.id(), body, "IYDI5yFL02QFNb/bMArbjyS8M2X65N7wieMSEp5Zbvs=");
        Reply alteredBody = post(channel.id(), altered, TEXT_SIGNATURE);
        Reply missing = http().post("webhooks/line/" + channel.id(), body, Map.of());

        for (Reply reply : List.of(wrong, alteredBody, missing)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/invalid-signature");
            assertThat(reply.string("detail")).contains("x-line-signature").doesNotContain(Channels.LINE_SECRET);
        }
        assertThat(rows().events(channel.id())).isEmpty();
        assertThat(rows().jobs(channel.tenant().value())).isEmpty();
    }

    @Test
    void anotherTenantsSecretDoesNotOpenThisChannel() {
        Channels.Created victim = channels().create(io.parley.core.channel.ChannelType.LINE,
                Map.of("channelSecret", "victim-secret-0000000000000000000", "channelAccessToken", "t"), null);
        channels().line(); // the attacker's own channel, whose secret signs the body

        Reply reply = post(victim.id(), Fixtures.bytes("line-webhook-text.json"), TEXT_SIGNATURE);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(rows().events(victim.id())).isEmpty();
    }

    @Test
    void unknownMalformedOrOtherTypeChannelsAreNotFound() {
        Channels.Created telegram = channels().telegram();
        byte[] body = Fixtures.bytes("line-webhook-text.json");

        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", telegram.id().toString())) {
            Reply reply = http().post("webhooks/line/" + id, body, Map.of(LineWebhookController.SIGNATURE, TEXT_SIGNATURE));
            assertThat(reply.status()).as(id).isEqualTo(404);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void malformedJsonIsABadRequestNeverAServerError() {
        Channels.Created channel = channels().line();

        for (String body : List.of("{not json", "[]", "\"text\"", "{\"events\":[{\"type\":\"message\"}]}",
                "{\"events\":{\"type\":1}}")) {
            byte[] bytes = body.getBytes();
            Reply reply = post(channel.id(), bytes, sign(bytes));
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/malformed-json");
        }
        assertThat(rows().events(channel.id())).isEmpty();
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndStored() {
        Channels.Created channel = channels().line();
        byte[] body = Fixtures.text("line-webhook-text.json").replace("\"type\":\"message\"", "\"type\":\"beacon\"")
                .getBytes();

        assertThat(post(channel.id(), body, sign(body)).status()).isEqualTo(200);
        assertThat(rows().events(channel.id())).extracting(event -> event.get("kind")).containsExactly("unknown");
    }

    @Test
    void fieldsLineAddsThatParleyDoesNotKnowAreIgnored() {
        Channels.Created channel = channels().line();
        String text = new String(Fixtures.bytes("line-webhook-text.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"aFieldLineAddsLater\": {\"x\": 1}, ")
                .replaceFirst("\"type\": *\"message\"", "\"type\": \"message\", \"anotherNewField\": true");
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Reply reply = post(channel.id(), body, sign(body));

        assertThat(text).contains("aFieldLineAddsLater").contains("anotherNewField");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(rows().events(channel.id())).hasSize(1);
    }

    private Reply post(UUID channelId, byte[] body, String signature) {
        return http().post("webhooks/line/" + channelId, body, Map.of(LineWebhookController.SIGNATURE, signature));
    }

    static String sign(byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(Channels.LINE_SECRET.getBytes(), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
