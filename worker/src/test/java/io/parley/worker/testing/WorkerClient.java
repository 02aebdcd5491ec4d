package io.parley.worker.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A small HTTP client for worker tests: the exact body bytes go out (signatures are over bytes), status + headers +
 * text come back, no exceptions on 4xx/5xx.
 */
public final class WorkerClient {

    private final URI base;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WorkerClient(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpClient client() {
        return http;
    }

    public Reply post(String path, byte[] body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Reply post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Reply get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Reply send(String method, String path, byte[] body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            if (body != null && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers and the body as text and JSON. */
    public record Reply(int status, HttpHeaders headers, String text, JsonMapper json) {

        public Map<String, Object> body() {
            try {
                return json.readValue(text, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
        }

        public String string(String key) {
            Object value = body().get(key);
            return value == null ? null : value.toString();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
