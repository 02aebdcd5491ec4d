package io.parley.worker.llm;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local LLM provider on 127.0.0.1 for any wire protocol: answers every path with the scripted answers in order
 * (then the last one again), and records each request's method, path with query, headers and body, so a test
 * asserts the request shape a provider's real API expects.
 */
public final class FakeProvider implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    public record Request(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readValue(body, JsonNode.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public record Answer(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer last = new Answer(500, "{}", Map.of());

    public FakeProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            Answer answer = script.pollFirst();
            if (answer == null) {
                answer = last;
            } else {
                last = answer;
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public static Answer ok(String body) {
        return new Answer(200, body, Map.of());
    }

    public static Answer error(int status, String body) {
        return new Answer(status, body, Map.of());
    }

    public static Answer error(int status, String body, Map<String, String> headers) {
        return new Answer(status, body, headers);
    }

    public FakeProvider then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request only() {
        return requests.getFirst();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
