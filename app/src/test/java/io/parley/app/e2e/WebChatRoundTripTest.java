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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A visitor on another site chats through the widget's endpoints; the bot's reply arrives on the session stream. */
@MicronautTest(transactional = false)
class WebChatRoundTripTest extends PipelineTest {

    @Test
    void aWidgetMessageIsAnsweredOnTheSessionsStream() throws Exception {
        Setup setup = setUp(Map.of());
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("Welcome to the shop!"));
        Map<String, Object> channel = post("/api/v1/bots/" + setup.botId() + "/channels", setup.token(),
                Map.of("type", "web", "credentials", Map.of()), 201);
        String widgetKey = (String) channel.get("widgetKey");
        String session = "sess-" + UUID.randomUUID();

        List<String> received = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/chat/"
                        + widgetKey + "/sessions/" + session + "/stream")).header("Accept", "text/event-stream")
                        .header("Origin", "https://shop.example").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    received.add(line);
                }
            } catch (Exception ignored) {
                // the stream is closed when the test ends
            }
        });

        var sent = send("POST", "/chat/" + widgetKey + "/messages", null,
                Map.of("sessionId", session, "clientMessageId", "c-" + UUID.randomUUID(), "text", "hello shop"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        await("the reply on the stream", Duration.ofSeconds(30),
                () -> received.stream().anyMatch(line -> line.contains("Welcome to the shop!")));
        assertThat(fakes.llmCalls.getLast().body()).contains("hello shop");
        stream.body().close();
        reader.interrupt();
    }
}
