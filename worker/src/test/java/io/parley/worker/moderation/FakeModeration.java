package io.parley.worker.moderation;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A local OpenAI-compatible moderation server on 127.0.0.1: {@code POST /v1/moderations} with {@code {"model",
 * "input"}} answers the real wire format ({@code {"id", "model", "results": [{"flagged", "categories",
 * "category_scores"}]}} with omni-moderation's thirteen categories). A category is flagged when the input contains
 * one of its trigger words ({@link #flag}); {@link #down} makes it answer 500. Records every request.
 */
public final class FakeModeration implements AutoCloseable {

    static final List<String> CATEGORIES = List.of("harassment", "harassment/threatening", "hate",
            "hate/threatening", "illicit", "illicit/violent", "self-harm", "self-harm/intent",
            "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic");

    public record Call(String body, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, String> triggers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    public FakeModeration() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/moderations", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            calls.add(new Call(body, exchange.getRequestHeaders().getFirst("Authorization")));
            int status = failWith == 0 ? 200 : failWith;
            String answer = failWith == 0 ? answer(body)
                    : "{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** Inputs containing {@code word} (case-insensitive) are flagged with {@code category}. */
    public FakeModeration flag(String word, String category) {
        triggers.put(word.toLowerCase(Locale.ROOT), category);
        return this;
    }

    /** Answers {@code status} (e.g. 500) to every request from now on; 0 answers again. */
    public void down(int status) {
        failWith = status;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private String answer(String request) {
        String input = request.toLowerCase(Locale.ROOT);
        List<String> flagged = triggers.entrySet().stream().filter(e -> input.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        String categories = CATEGORIES.stream().map(c -> "\"" + c + "\": " + flagged.contains(c))
                .collect(Collectors.joining(", "));
        String scores = CATEGORIES.stream().map(c -> "\"" + c + "\": " + (flagged.contains(c) ? "0.97" : "0.0001"))
                .collect(Collectors.joining(", "));
        return """
                {"id": "modr-%s", "model": "omni-moderation-latest", "results": [{"flagged": %s,
                 "categories": {%s}, "category_scores": {%s}}]}""".formatted(
                Long.toHexString(System.nanoTime()), !flagged.isEmpty(), categories, scores);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
