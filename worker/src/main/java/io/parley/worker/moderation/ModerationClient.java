package io.parley.worker.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls an OpenAI-compatible {@code POST {baseUrl}/moderations} ({@code {"model", "input"}} → {@code {"results":
 * [{"flagged", "categories": {name: bool}}]}}) on the JDK client. LangChain4j has a moderation model, but only for
 * OpenAI itself and it reduces the answer to one flag: the categories, which pick each action, would be lost.
 */
@Singleton
final class ModerationClient {

    /** The service could not answer (down, timed out, refused the key, answered something unreadable). */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final JsonMapper json;

    ModerationClient(JsonMapper json) {
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** The categories the service flagged in {@code text} (empty: nothing flagged). */
    List<String> flaggedCategories(String baseUrl, @Nullable String apiKey, String model, String text,
                                   Duration timeout) throws Unavailable {
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(trimSlash(baseUrl) + "/moderations"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("model", model,
                            "input", text)), StandardCharsets.UTF_8));
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new Unavailable("HTTP " + response.statusCode());
        }
        return categories(response.body());
    }

    private List<String> categories(String body) throws Unavailable {
        try {
            JsonNode results = json.readValue(body, JsonNode.class).get("results");
            if (results == null || !results.isArray() || results.size() == 0) {
                throw new Unavailable("no results in the moderation answer");
            }
            List<String> flagged = new ArrayList<>();
            for (JsonNode result : results.values()) {
                JsonNode categories = result.get("categories");
                if (categories != null && categories.isObject()) {
                    for (Map.Entry<String, JsonNode> entry : categories.entries()) {
                        if (entry.getValue().isBoolean() && entry.getValue().getBooleanValue()
                                && !flagged.contains(entry.getKey())) {
                            flagged.add(entry.getKey());
                        }
                    }
                }
                JsonNode flag = result.get("flagged");
                if (flag != null && flag.isBoolean() && flag.getBooleanValue() && flagged.isEmpty()) {
                    flagged.add("flagged"); // flagged without a category: still a flag
                }
            }
            return flagged;
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("unreadable moderation answer");
        }
    }

    private static String trimSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
