package io.parley.worker.ingress.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.BusinessHours;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /chat/{widgetKey}/messages: stored and queued like a webhook event; validation; CORS for any origin. */
@MicronautTest(transactional = false)
class WebChatTest extends WorkerTest {

    static String session() {
        return "s_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void storesTheMessageAndEnqueuesItsTurn() {
        Channels.Created web = channels().web();
        String session = session();

        Reply reply = send(web, Map.of("sessionId", session, "clientMessageId", "m-00000001", "text", "Hello!"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(rows().events(web.id())).singleElement().satisfies(event -> {
            assertThat(event.get("id").toString()).isEqualTo(reply.string("eventId"));
            assertThat(event.get("provider_event_id")).isEqualTo("m-00000001");
            assertThat((String) event.get("payload")).contains("\"externalUserId\": \"" + session + "\"")
                    .contains("\"text\": \"Hello!\"");
        });
        assertThat(rows().jobs(web.tenant().value())).singleElement().satisfies(job -> {
            assertThat(job.get("kind")).isEqualTo("inbound.turn");
            assertThat(job.get("unique_key")).isEqualTo("in:" + web.id() + ":m-00000001");
            assertThat(job.get("serial_key")).isEqualTo("conv:" + web.id() + ":" + session);
        });
    }

    @Test
    void theAnswerSaysAPersonWillAnswerOnlyWhileAPersonHoldsTheConversation() {
        Channels.Created web = channels().web();
        String session = session();
        Reply beforeAny = send(web, Map.of("sessionId", session, "clientMessageId", "m-00000021", "text", "Hi"));
        UUID contact = contactInConversation(web, session);
        UUID tenant = web.tenant().value();
        Reply botAnswers = send(web, Map.of("sessionId", session, "clientMessageId", "m-00000022", "text", "Hi"));
        rows().query("UPDATE conversations SET bot_paused = true WHERE tenant_id = ? AND contact_id = ? RETURNING id",
                tenant, contact);

        Reply personAnswers = send(web, Map.of("sessionId", session, "clientMessageId", "m-00000023", "text", "Hi"));
        rows().query("UPDATE bots SET handoff_text = 'Mei replies within the hour.' WHERE tenant_id = ? AND id = ? "
                + "RETURNING id", tenant, web.bot());
        Reply inTheBotsWords = send(web, Map.of("sessionId", session, "clientMessageId", "m-00000024", "text", "Hi"));

        assertThat(beforeAny.body()).containsEntry("personAnswers", false);
        assertThat(botAnswers.body()).containsEntry("personAnswers", false);
        assertThat(personAnswers.body()).containsEntry("personAnswers", true);
        assertThat(personAnswers.body().get("personAnswersText")).as("the widget's default").isNull();
        assertThat(inTheBotsWords.body()).containsEntry("personAnswersText", "Mei replies within the hour.");
    }

    /** A contact of {@code session} with a conversation on {@code web} (the bot answers it until it is paused). */
    private UUID contactInConversation(Channels.Created web, String session) {
        UUID contact = UUID.randomUUID();
        UUID tenant = web.tenant().value();
        rows().query("WITH k AS (INSERT INTO contacts (tenant_id, id) VALUES (?, ?) RETURNING id), "
                + "i AS (INSERT INTO contact_identities (tenant_id, id, contact_id, channel_id, external_user_id) "
                + "SELECT ?, ?, id, ?, ? FROM k RETURNING contact_id) "
                + "INSERT INTO conversations (tenant_id, id, bot_id, channel_id, contact_id) "
                + "SELECT ?, ?, ?, ?, contact_id FROM i RETURNING id", tenant, contact, tenant, UUID.randomUUID(),
                web.id(), session, tenant, UUID.randomUUID(), web.bot(), web.id());
        return contact;
    }

    @Test
    void outsideBusinessHoursTheAnswerSaysFromWhenAPersonAnswers() {
        // open only tomorrow (UTC) 23:58-23:59: closed now, and still closed if midnight passes during the test
        String tomorrow = BusinessHours.DAYS.get(LocalDate.now(ZoneOffset.UTC).plusDays(1).getDayOfWeek().getValue() - 1);
        Channels.Created web = channels().web("pis_hours-test-secret-0123456789abcdefghijklmn", "{\"businessHours\": "
                + "{\"timeZone\": \"UTC\", \"days\": {\"" + tomorrow + "\": {\"open\": \"23:58\", \"close\": \"23:59\"}}}}");
        String session = session();
        UUID contact = contactInConversation(web, session);
        Reply botAnswers = send(web, Map.of("sessionId", session, "clientMessageId", "m-00000031", "text", "Hi"));
        rows().query("UPDATE conversations SET bot_paused = true WHERE tenant_id = ? AND contact_id = ? RETURNING id",
                web.tenant().value(), contact);

        Reply personAnswers = send(web, Map.of("sessionId", session, "clientMessageId", "m-00000032", "text", "Hi"));

        assertThat(botAnswers.body().get("personAnswersFrom")).as("only a person's answer waits for opening").isNull();
        assertThat(personAnswers.body()).containsEntry("personAnswersFrom", Map.of("day", tomorrow, "time", "23:58"));
    }

    @Test
    void aMessageWithAnUnknownPropertyOrANulCharacterIsRefusedByName() {
        Channels.Created web = channels().web();
        Reply unknown = send(web, Map.of("sessionId", session(), "clientMessageId", "m-00000011", "text", "Hi",
                "colour", "red"));
        Reply nul = send(web, Map.of("sessionId", session(), "clientMessageId", "m-00000012", "text", "a\u0000b"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("\"field\":\"colour\"").contains("unknown property");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.text()).contains("\"field\":\"text\"");
        assertThat(rows().events(web.id())).isEmpty();
    }

    @Test
    void aRetriedMessageIsStoredOnceAndAnotherSessionCannotReuseItsId() {
        Channels.Created web = channels().web();
        String session = session();
        Map<String, String> message = Map.of("sessionId", session, "clientMessageId", "m-00000002", "text", "Hi");

        Reply first = send(web, message);
        Reply retry = send(web, message);
        Reply otherSession = send(web, Map.of("sessionId", session(), "clientMessageId", "m-00000002", "text", "Hi"));

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.string("eventId")).isEqualTo(first.string("eventId"));
        assertThat(otherSession.status()).isEqualTo(409);
        assertThat(rows().events(web.id())).hasSize(1);
        assertThat(rows().jobs(web.tenant().value())).hasSize(1);
    }

    @Test
    void aButtonPressBecomesAPostbackEventWithItsLabelAsText() {
        Channels.Created web = channels().web();
        String session = session();

        Reply reply = send(web, Map.of("sessionId", session, "clientMessageId", "m-00000010", "text", "Talk to staff",
                "postback", "staff"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(rows().events(web.id())).singleElement().satisfies(event -> {
            assertThat((String) event.get("payload")).contains("\"type\": \"POSTBACK\"").contains("\"postbackData\": \"staff\"")
                    .contains("\"text\": \"Talk to staff\"");
        });
        assertThat(rows().jobs(web.tenant().value())).singleElement()
                .satisfies(job -> assertThat(job.get("kind")).isEqualTo("inbound.turn"));
    }

    @Test
    void aRetriedButtonPressIsStoredOnce() {
        Channels.Created web = channels().web();
        Map<String, String> press = Map.of("sessionId", session(), "clientMessageId", "m-00000011", "text", "Menu",
                "postback", "menu");

        Reply first = send(web, press);
        Reply retry = send(web, press);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.string("eventId")).isEqualTo(first.string("eventId"));
        assertThat(rows().events(web.id())).hasSize(1);
        assertThat(rows().jobs(web.tenant().value())).hasSize(1);
    }

    @Test
    void postbackDataIsBoundedAndNotEmpty() {
        Channels.Created web = channels().web();

        Reply tooLong = send(web, Map.of("sessionId", session(), "clientMessageId", "m-00000012", "text", "Menu",
                "postback", "x".repeat(301)));
        Reply empty = send(web, Map.of("sessionId", session(), "clientMessageId", "m-00000013", "text", "Menu",
                "postback", ""));
        Reply noLabel = send(web, Map.of("sessionId", session(), "clientMessageId", "m-00000014", "text", " ",
                "postback", "menu"));

        for (Reply reply : List.of(tooLong, empty)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.string("detail")).contains("postback");
        }
        assertThat(noLabel.status()).isEqualTo(400);
        assertThat(noLabel.string("detail")).contains("text");
        assertThat(rows().events(web.id())).isEmpty();
    }

    @Test
    void invalidMessagesNameTheirFields() {
        Channels.Created web = channels().web();

        Reply shortSession = send(web, Map.of("sessionId", "short", "clientMessageId", "m-00000003", "text", "Hi"));
        Reply blank = send(web, Map.of("sessionId", session(), "clientMessageId", "m-00000003", "text", " "));
        Reply tooLong = send(web, Map.of("sessionId", session(), "clientMessageId", "m-00000003",
                "text", "x".repeat(4001)));
        Reply malformed = http().post("chat/" + web.widgetKey() + "/messages", "{\"sessionId\":", Map.of());

        assertThat(shortSession.status()).isEqualTo(400);
        assertThat(shortSession.string("detail")).contains("sessionId");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.string("detail")).contains("text");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.string("type")).isEqualTo("https://parley.dev/problems/malformed-json");
        assertThat(rows().events(web.id())).isEmpty();
    }

    @Test
    void unknownWidgetKeysAndNonWebChannelsAreNotFound() {
        Channels.Created line = channels().line();
        Map<String, String> message = Map.of("sessionId", session(), "clientMessageId", "m-00000004", "text", "Hi");

        for (String key : List.of("pwk_unknown", line.id().toString(), "x".repeat(300))) {
            Reply reply = http().post("chat/" + key + "/messages", json(message), Map.of());
            assertThat(reply.status()).as(key).isEqualTo(404);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(http().get("chat/pwk_unknown/sessions/" + session() + "/stream", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void anyOriginMayCallTheChatButNotWithCredentials() {
        Channels.Created web = channels().web();
        String origin = "https://shop.example";

        Reply preflight = http().send("OPTIONS", "chat/" + web.widgetKey() + "/messages", null, Map.of(
                "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type"));
        Reply post = http().post("chat/" + web.widgetKey() + "/messages",
                json(Map.of("sessionId", session(), "clientMessageId", "m-00000005", "text", "Hi")),
                Map.of("Origin", origin));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(post.status()).isEqualTo(202);
        assertThat(post.header("Access-Control-Allow-Origin")).isEqualTo(origin);
    }

    @Test
    void webhooksAreNotOpenToBrowsers() {
        Channels.Created line = channels().line();

        Reply preflight = http().send("OPTIONS", "webhooks/line/" + line.id(), null, Map.of(
                "Origin", "https://shop.example", "Access-Control-Request-Method", "POST"));

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    private Reply send(Channels.Created web, Map<String, String> body) {
        return http().post("chat/" + web.widgetKey() + "/messages", json(body), Map.of());
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
