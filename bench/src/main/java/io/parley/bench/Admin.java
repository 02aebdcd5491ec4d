package io.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sets up the benchmark tenant through Parley's real admin API, as a person would: sign up, create a bot that uses
 * the platform LLM key (the fake LLM), connect a LINE channel with its channel secret and access token, verify it
 * (against the fake LINE). Returns what the load needs.
 */
final class Admin {

    static final String CHANNEL_SECRET = "0123456789abcdef0123456789abcdef";
    private static final String ACCESS_TOKEN = "bench-long-lived-channel-access-token-0001";

    record Setup(String tenantId, String botId, String channelId) {
    }

    private Admin() {
    }

    static Setup provision(String baseUrl) throws IOException, InterruptedException {
        return provision(baseUrl, "bench@example.com");
    }

    /** The same with another owner's email (a second tenant on the same database). */
    static Setup provision(String baseUrl, String email) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String tokens = call(client, baseUrl + "/api/v1/auth/signup", null, "{\"email\":\"" + email
                    + "\",\"password\":\"bench-password-0001\",\"tenantName\":\"Bench\"}");
            String accessToken = JsonField.text(tokens, "accessToken");
            String tenantId = JsonField.text(tokens.substring(tokens.indexOf("\"tenant\"")), "id");
            String bot = call(client, baseUrl + "/api/v1/bots", accessToken, """
                    {"name":"Bench","persona":"You are a concise assistant. Call the user {{contact.displayName}}.",
                     "llm":{"provider":"openai-compatible","model":"gpt-4o-mini"},"historyWindow":10}""");
            String botId = JsonField.text(bot, "id");
            String channel = call(client, baseUrl + "/api/v1/bots/" + botId + "/channels", accessToken,
                    "{\"type\":\"line\",\"name\":\"Bench LINE\",\"credentials\":{\"channelSecret\":\"" + CHANNEL_SECRET
                            + "\",\"channelAccessToken\":\"" + ACCESS_TOKEN + "\"}}");
            String channelId = JsonField.text(channel, "id");
            String verified = call(client, baseUrl + "/api/v1/bots/" + botId + "/channels/" + channelId + "/verify",
                    accessToken, "{}");
            if (!"healthy".equals(JsonField.text(verified, "status"))) {
                throw new IOException("the LINE channel did not verify against the fake LINE: " + verified);
            }
            return new Setup(tenantId, botId, channelId);
        }
    }

    private static String call(HttpClient client, String url, String accessToken, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
