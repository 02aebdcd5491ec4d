package io.parley.worker.ingress.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.tenancy.Ids;
import io.parley.worker.outbound.web.WebChatLive;
import io.parley.worker.outbound.web.WebChatSender;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.SseReader;
import io.parley.worker.testing.SseReader.SseEvent;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /chat/{widgetKey}/sessions/{sessionId}/stream: replies delivered by WebChatSender arrive as SSE events, and
 * WebChatLive's hints (composing, deltas) as named events.
 */
@MicronautTest(transactional = false)
class WebChatStreamTest extends WorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    WebChatSender sender;
    @Inject
    WebChatLive live;
    @Inject
    WebChatStreams streams;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationRepository conversations;
    @Inject
    MessageRepository messages;

    @Test
    void aDeliveredReplyArrivesOnTheSessionsStreamOnce() throws Exception {
        Channels.Created web = channels().web();
        String session = WebChatTest.session();
        UUID conversation = conversationOf(web, session);

        UUID reply = queuedReply(web, conversation, "Hello from the bot");
        try (SseReader stream = open(web, session, Map.of("Origin", "https://shop.example"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");

            List<UUID> sent = scope.write(web.tenant(), () -> sender.deliver(web.tenant(), web.id(), session, List.of(reply)));
            List<UUID> again = scope.write(web.tenant(), () -> sender.deliver(web.tenant(), web.id(), session, List.of(reply)));

            SseEvent event = stream.next(WAIT);
            assertThat(sent).containsExactly(reply);
            assertThat(again).as("a retried job sends nothing twice").isEmpty();
            assertThat(event).isNotNull();
            assertThat(event.id()).isEqualTo(reply.toString());
            Map<String, Object> data = json.readValue(event.data(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
            assertThat(data).containsEntry("id", reply.toString()).containsEntry("text", "Hello from the bot")
                    .containsEntry("type", "text").containsEntry("payload", Map.of("quickReplies", List.of("Yes", "No")))
                    .containsKey("createdAt");
            assertThat(stream.next(Duration.ofMillis(500))).isNull();
        }
        assertThat(rows().query("SELECT status FROM messages WHERE id = ?", reply))
                .singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("sent"));
    }

    @Test
    void anotherSessionsStreamSeesNothing() throws Exception {
        Channels.Created web = channels().web();
        String session = WebChatTest.session();
        UUID conversation = conversationOf(web, session);

        try (SseReader other = open(web, WebChatTest.session(), Map.of())) {
            UUID reply = queuedReply(web, conversation, "Private");
            scope.writeVoid(web.tenant(), () -> sender.deliver(web.tenant(), web.id(), session, List.of(reply)));

            assertThat(other.next(Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysWhatCameAfter() throws Exception {
        Channels.Created web = channels().web();
        String session = WebChatTest.session();
        UUID conversation = conversationOf(web, session);
        UUID first = queuedReply(web, conversation, "First");
        UUID second = queuedReply(web, conversation, "Second");
        UUID third = queuedReply(web, conversation, "Third");
        try (SseReader before = open(web, session, Map.of())) {
            scope.writeVoid(web.tenant(), () -> sender.deliver(web.tenant(), web.id(), session,
                    List.of(first, second, third)));
            for (UUID expected : List.of(first, second, third)) {
                assertThat(before.next(WAIT).id()).isEqualTo(expected.toString());
            }
        }

        try (SseReader reconnected = open(web, session, Map.of("Last-Event-ID", first.toString()))) {
            assertThat(reconnected.next(WAIT).id()).isEqualTo(second.toString());
            assertThat(reconnected.next(WAIT).id()).isEqualTo(third.toString());
            assertThat(reconnected.next(Duration.ofMillis(500))).isNull();
        }
        try (SseReader fresh = open(web, session, Map.of())) {
            assertThat(fresh.next(Duration.ofMillis(500))).as("no Last-Event-ID: only what comes next").isNull();
        }
    }

    @Test
    void aStreamCatchesUpOnWhatWasSentWhileTheHubsConnectionWasDown() throws Exception {
        Channels.Created web = channels().web();
        String session = WebChatTest.session();
        UUID conversation = conversationOf(web, session);
        UUID reply = queuedReply(web, conversation, "Sent during the outage");

        try (SseReader stream = open(web, session, Map.of())) {
            rows().query("SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE query = 'LISTEN "
                    + io.parley.worker.outbound.web.WebChatNotice.CHANNEL + "'");
            scope.writeVoid(web.tenant(), () -> sender.deliver(web.tenant(), web.id(), session, List.of(reply)));

            SseEvent event = stream.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.id()).isEqualTo(reply.toString());
            assertThat(stream.next(Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    void liveHintsArriveAsNamedEventsWithoutIdsOnTheirSessionOnlyAndAreNeverReplayed() throws Exception {
        Channels.Created web = channels().web();
        String session = WebChatTest.session();
        UUID replyTo = Ids.next();
        String longPiece = "x".repeat(WebChatLive.MAX_DELTA_CHARS + 500);

        try (SseReader stream = open(web, session, Map.of()); SseReader other = open(web, WebChatTest.session(), Map.of())) {
            live.composing(web.tenant(), web.id(), session, replyTo);
            live.delta(web.tenant(), web.id(), session, replyTo, 0, "Hel");
            live.delta(web.tenant(), web.id(), session, replyTo, 3, longPiece);
            live.idle(web.tenant(), web.id(), session, replyTo);

            assertThat(hint(stream)).isEqualTo(new Hint("composing", Map.of("replyTo", replyTo.toString(), "active", true)));
            assertThat(hint(stream)).isEqualTo(new Hint("delta", Map.of("replyTo", replyTo.toString(), "offset", 0, "text", "Hel")));
            assertThat(hint(stream)).as("a long piece is cut to fit NOTIFY").isEqualTo(new Hint("delta", Map.of(
                    "replyTo", replyTo.toString(), "offset", 3, "text", longPiece.substring(0, WebChatLive.MAX_DELTA_CHARS))));
            assertThat(hint(stream)).isEqualTo(new Hint("delta", Map.of("replyTo", replyTo.toString(),
                    "offset", 3 + WebChatLive.MAX_DELTA_CHARS, "text", longPiece.substring(WebChatLive.MAX_DELTA_CHARS))));
            assertThat(hint(stream)).isEqualTo(new Hint("composing", Map.of("replyTo", replyTo.toString(), "active", false)));
            assertThat(stream.next(Duration.ofMillis(300))).as("hints are not replies").isNull();
            assertThat(other.nextNamed(Duration.ofMillis(300))).as("another session hears nothing").isNull();
        }
        try (SseReader reconnected = open(web, session, Map.of("Last-Event-ID", new UUID(0, 0).toString()))) {
            assertThat(reconnected.nextNamed(Duration.ofMillis(500))).as("hints are never replayed").isNull();
        }
    }

    private record Hint(String name, Map<String, Object> data) {
    }

    /** The next named event; its id is absent, so it never moves the widget's Last-Event-ID. */
    private Hint hint(SseReader stream) throws Exception {
        SseEvent event = stream.nextNamed(WAIT);
        assertThat(event).isNotNull();
        assertThat(event.id()).isNull();
        return new Hint(event.name(), json.readValue(event.data(),
                io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void aClosedStreamIsForgotten() throws Exception {
        Channels.Created web = channels().web();
        String session = WebChatTest.session();

        SseReader stream = open(web, session, Map.of());
        assertThat(streams.streams(web.id(), session)).isEqualTo(1);
        stream.close();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (streams.streams(web.id(), session) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(streams.streams(web.id(), session)).isZero();
    }

    @Test
    void aMalformedSessionIdIsNotFound() {
        Channels.Created web = channels().web();

        assertThat(http().get("chat/" + web.widgetKey() + "/sessions/short/stream", Map.of()).status()).isEqualTo(404);
    }

    private SseReader open(Channels.Created web, String session, Map<String, String> headers) throws Exception {
        return SseReader.open(http().client(), http().uri("chat/" + web.widgetKey() + "/sessions/" + session + "/stream"),
                headers);
    }

    /** What the inbound turn creates for a web session: contact (identity = session id) and conversation. */
    private UUID conversationOf(Channels.Created web, String session) {
        return scope.write(web.tenant(), () -> {
            UUID contact = contacts.upsertByIdentity(web.tenant().value(), web.id(), session, null, null).contact().id();
            return conversations.upsert(web.tenant().value(), Ids.next(), web.bot(), web.id(), contact).id();
        });
    }

    private UUID queuedReply(Channels.Created web, UUID conversation, String text) {
        UUID id = Ids.next();
        scope.writeVoid(web.tenant(), () -> messages.insert(web.tenant().value(), id, conversation, "outbound", "bot",
                null, "text", text, "{\"quickReplies\":[\"Yes\",\"No\"]}", null, "queued"));
        return id;
    }
}
