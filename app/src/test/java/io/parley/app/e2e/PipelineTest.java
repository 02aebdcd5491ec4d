package io.parley.app.e2e;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the end-to-end tests: the whole of Parley (api, worker and web roles, the job queue running) on the test
 * database, with fake LINE and LLM servers. Everything is provisioned through the admin API, as a customer would.
 */
abstract class PipelineTest implements DatabaseTest {

    static final String CHANNEL_SECRET = "e2e-channel-secret-0123456789";

    final FakeProviders fakes = newFakes();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private static FakeProviders newFakes() {
        try {
            return new FakeProviders();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.roles", "all");
        properties.put("parley.providers.line-api-url", fakes.lineUrl());
        properties.put("parley.queue.poll-interval", "200ms");
        properties.put("parley.auth.bcrypt-cost", "10");
        properties.put("parley.auth.login-attempts-per-ip-per-minute", "100000");
        properties.put("parley.rate-limits.api-per-ip-per-minute", "100000");
        properties.put("parley.rate-limits.api-per-credential-per-minute", "100000");
        return properties;
    }

    @AfterAll
    void stopFakes() {
        fakes.close();
    }

    /** A fresh tenant with a bot answering through the fake LLM and a LINE channel; returns ids and a token. */
    Setup setUp(Map<String, Object> botSettings) {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> signup = post("/api/v1/auth/signup", null,
                Map.of("email", email, "password", "correct horse battery", "tenantName", "E2E"), 201);
        String token = (String) signup.get("accessToken");
        Map<String, Object> bot = new LinkedHashMap<>(Map.of("name", "E2E bot", "persona", "You are a helpful bot.",
                "llm", Map.of("provider", "openai-compatible", "baseUrl", fakes.llmUrl(), "model", "gpt-4o-mini",
                        "apiKey", "sk-e2e-key", "timeoutMs", 5000)));
        bot.putAll(botSettings);
        String botId = (String) post("/api/v1/bots", token, bot, 201).get("id");
        String channelId = (String) post("/api/v1/bots/" + botId + "/channels", token, Map.of("type", "line",
                "credentials", Map.of("channelSecret", CHANNEL_SECRET, "channelAccessToken", "line-access-token-e2e")),
                201).get("id");
        return new Setup(token, botId, channelId);
    }

    record Setup(String token, String botId, String channelId) {
    }

    /** Sends one signed LINE text event; returns the HTTP status. */
    int lineText(Setup setup, String userId, String eventId, String replyToken, String text) {
        return postLine(setup, lineTextBody(userId, eventId, replyToken, text));
    }

    static String lineTextBody(String userId, String eventId, String replyToken, String text) {
        return """
                {"destination":"U0000000000000000000000000000e2e","events":[{"type":"message","mode":"active",
                "timestamp":%d,"source":{"type":"user","userId":"%s"},"webhookEventId":"%s",
                "deliveryContext":{"isRedelivery":false},"replyToken":"%s",
                "message":{"id":"%s","type":"text","quoteToken":"q-%s","text":"%s"}}]}"""
                .formatted(Instant.now().toEpochMilli(), userId, eventId, replyToken, eventId, eventId, text);
    }

    int postLine(Setup setup, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CHANNEL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(server.getURL() + "/webhooks/line/" + setup.channelId()))
                    .header("Content-Type", "application/json").header("x-line-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> post(String path, String token, Object body, int expectedStatus) {
        HttpResponse<String> response = send("POST", path, token, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
        return parse(response.body());
    }

    Map<String, Object> get(String path, String token) {
        HttpResponse<String> response = send("GET", path, token, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return parse(response.body());
    }

    HttpResponse<String> send(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Content-Type", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> parse(String text) {
        try {
            return text == null || text.isBlank() ? Map.of() : json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** LINE reply/push calls whose body mentions {@code marker} (a reply token or a user id). */
    List<FakeProviders.Call> lineMessagesFor(String marker) {
        return fakes.lineMessages().stream().filter(call -> call.body().contains(marker)).toList();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
