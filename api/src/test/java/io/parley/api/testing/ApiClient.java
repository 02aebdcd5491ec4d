package io.parley.api.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client for API tests: raw bodies in, status + headers + parsed JSON out, no exceptions on 4xx,
 * so tests can assert on error responses exactly as a client sees them.
 */
public final class ApiClient {

    private final URI base;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Reply post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Reply patch(String path, String token, Object body) {
        return send("PATCH", path, token, body, Map.of());
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    /** {@code body}: a String is sent as is (for malformed JSON), anything else serialized. */
    public Reply send(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : json.writeValueAsString(body);
                if (!headers.containsKey("Content-Type")) {
                    request.header("Content-Type", "application/json");
                }
                request.method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs up a fresh account with its own tenant. */
    public Session signup(String tenantName) {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply reply = post("/api/v1/auth/signup", null,
                Map.of("email", email, "password", Session.PASSWORD, "tenantName", tenantName));
        if (reply.status() != 201) {
            throw new IllegalStateException("signup failed: " + reply.status() + " " + reply.text());
        }
        return Session.of(reply, email);
    }

    public Session login(String email) {
        Reply reply = post("/api/v1/auth/login", null, Map.of("email", email, "password", Session.PASSWORD));
        if (reply.status() != 200) {
            throw new IllegalStateException("login failed: " + reply.status() + " " + reply.text());
        }
        return Session.of(reply, email);
    }

    /** A response: status, headers and the body both as text and as JSON. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String text, JsonMapper json) {

        public Map<String, Object> body() {
            try {
                return json.readValue(text, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
        }

        public String string(String path) {
            Object value = at(path);
            return value == null ? null : value.toString();
        }

        @SuppressWarnings("unchecked")
        public Object at(String path) {
            Object current = body();
            for (String key : path.split("\\.")) {
                if (current instanceof Map<?, ?> map) {
                    current = map.get(key);
                } else if (current instanceof java.util.List<?> list) {
                    current = list.get(Integer.parseInt(key));
                } else {
                    return null;
                }
            }
            return current;
        }

        public java.util.List<Map<String, Object>> items() {
            @SuppressWarnings("unchecked")
            java.util.List<Map<String, Object>> items = (java.util.List<Map<String, Object>>) body().get("items");
            return items;
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    /** A signed-in user: tokens, ids, email. */
    public record Session(String accessToken, String refreshToken, String tenantId, String userId, String email) {

        public static final String PASSWORD = "correct horse battery staple";

        static Session of(Reply reply, String email) {
            return new Session(reply.string("accessToken"), reply.string("refreshToken"), reply.string("tenant.id"),
                    reply.string("user.id"), email);
        }
    }
}
