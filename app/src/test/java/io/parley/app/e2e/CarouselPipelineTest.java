package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flow with a carousel through the whole pipeline: created through the API, run by a message (webhook or widget →
 * queue → turn → send), answered as a LINE Flex carousel and as a row of cards on the web chat's stream; a press of
 * a card's button (a LINE postback event, a widget postback) runs the flow it names.
 */
@MicronautTest(transactional = false)
class CarouselPipelineTest extends PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void onLineTheCarouselIsAFlexCarouselAndAPressOfACardButtonRunsItsPostbackFlow() {
        Setup setup = setUp(Map.of());
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("LLM answer"));
        menu(setup, staffFlow(setup));
        String user = "U" + UUID.randomUUID().toString().replace("-", "");

        assertThat(lineText(setup, user, "01CAR" + user, "rt-menu-" + user, "menu")).isEqualTo(200);
        await("the carousel", WAIT, () -> !lineMessagesFor("rt-menu-" + user).isEmpty());
        String carousel = lineMessagesFor("rt-menu-" + user).getFirst().body();
        assertThat(postLine(setup, postback(user, "rt-press-" + user, "order=latte"))).isEqualTo(200);
        await("the answer to the press", WAIT, () -> !lineMessagesFor("rt-press-" + user).isEmpty());

        assertThat(carousel).contains("\"type\":\"flex\"").contains("\"contents\":{\"type\":\"carousel\"")
                .contains("\"text\":\"Chestnut cake\"").contains("\"data\":\"order=latte\"");
        assertThat(lineMessagesFor("rt-press-" + user).getFirst().body()).contains("One hojicha latte coming.")
                .doesNotContain("LLM answer");
    }

    @Test
    void inWebChatTheCardsArriveAsOneCarouselAndAPressOfAFlowButtonRunsThatFlow() throws Exception {
        Setup setup = setUp(Map.of());
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("LLM answer"));
        String staff = staffFlow(setup);
        menu(setup, staff);
        String widgetKey = (String) post("/api/v1/bots/" + setup.botId() + "/channels", setup.token(),
                Map.of("type", "web", "credentials", Map.of()), 201).get("widgetKey");
        String session = "sess-" + UUID.randomUUID();
        List<String> received = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/chat/"
                        + widgetKey + "/sessions/" + session + "/stream")).header("Accept", "text/event-stream")
                        .header("Origin", "https://shop.example").build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = Thread.ofVirtual().start(() -> read(stream.body(), received));

        widget(widgetKey, session, "menu", null);
        await("the carousel on the stream", WAIT, () -> received.stream().anyMatch(line -> line.contains("carousel")));
        widget(widgetKey, session, "Talk to staff", "flow:" + staff);
        await("the staff flow's answer", WAIT, () -> received.stream()
                .anyMatch(line -> line.contains("A colleague will answer.")));

        String carousel = received.stream().filter(line -> line.contains("carousel")).findFirst().orElseThrow();
        // the payload is stored as jsonb, which orders an object's keys its own way
        assertThat(carousel).contains("\"type\":\"carousel\"").contains("\"title\":\"Chestnut cake\"")
                .contains("{\"label\":\"Talk to staff\",\"postback\":\"flow:" + staff + "\"}");
        assertThat(received).noneMatch(line -> line.contains("LLM answer"));
        stream.body().close();
        reader.interrupt();
    }

    private String staffFlow(Setup setup) {
        return (String) post("/api/v1/bots/" + setup.botId() + "/flows", setup.token(), Map.of("name", "staff",
                "trigger", Map.of("type", "keyword", "keywords", List.of("staff")),
                "steps", List.of(Map.of("type", "text", "text", "A colleague will answer."))), 201).get("id");
    }

    private void menu(Setup setup, String staff) {
        String flows = "/api/v1/bots/" + setup.botId() + "/flows";
        post(flows, setup.token(), Map.of("name", "latte", "trigger", Map.of("type", "postback", "data", "order=latte"),
                "steps", List.of(Map.of("type", "text", "text", "One hojicha latte coming."))), 201);
        post(flows, setup.token(), Map.of("name", "menu", "trigger", Map.of("type", "keyword",
                "keywords", List.of("menu")), "steps", List.of(Map.of("type", "carousel", "cards", List.of(
                Map.of("title", "Chestnut cake", "text", "Baked this morning.",
                        "imageUrl", "https://cdn.example.com/cake.jpg",
                        "buttons", List.of(Map.of("label", "Talk to staff", "flowId", staff))),
                Map.of("title", "Hojicha latte", "text", "Roasted green tea with milk.",
                        "buttons", List.of(Map.of("label", "Order", "postback", "order=latte"))))))), 201);
    }

    private void widget(String widgetKey, String session, String text, String postback) {
        Map<String, Object> body = postback == null
                ? Map.of("sessionId", session, "clientMessageId", "c-" + UUID.randomUUID(), "text", text)
                : Map.of("sessionId", session, "clientMessageId", "c-" + UUID.randomUUID(), "text", text,
                "postback", postback);
        var sent = send("POST", "/chat/" + widgetKey + "/messages", null, body);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    }

    private static String postback(String user, String replyToken, String data) {
        return """
                {"destination":"U0000000000000000000000000000e2e","events":[{"type":"postback","mode":"active",
                "timestamp":%d,"source":{"type":"user","userId":"%s"},"webhookEventId":"01CARPB%s",
                "deliveryContext":{"isRedelivery":false},"replyToken":"%s","postback":{"data":"%s"}}]}"""
                .formatted(Instant.now().toEpochMilli(), user, UUID.randomUUID(), replyToken, data);
    }

    private static void read(InputStream body, List<String> received) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                received.add(line);
            }
        } catch (Exception ignored) {
            // the stream is closed when the test ends
        }
    }
}
