package io.parley.worker.turn;

import com.sun.net.httpserver.HttpServer;
import io.parley.core.testing.Fixtures;
import io.parley.core.testing.OpenAiStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible server on 127.0.0.1 answering {@code POST /v1/chat/completions} with the protocol
 * fixtures: scripted answers first (in order), then the default one — plain completions, errors, or tool calls
 * ({@link #toolCall}, from the tool-call fixture). A request with {@code "stream": true} gets a 200 answer as
 * server-sent events ({@link OpenAiStream}). Records every request.
 */
final class FakeLlm implements AutoCloseable {

    private static final String FIXTURE_CONTENT = "Hello! How can I help you today?";

    record Call(String body, String authorization, Instant at) {
    }

    record Answer(int status, String body, Map<String, String> headers, Duration delay) {
        Answer after(Duration wait) {
            return new Answer(status, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Answer standing = ok();
    /** Between the events of a streamed answer ({@code "stream": true}, answered as {@link OpenAiStream}). */
    private volatile Duration streamPause = Duration.ZERO;

    FakeLlm() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", exchange -> {
            String request;
            try (InputStream in = exchange.getRequestBody()) {
                request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            calls.add(new Call(request, exchange.getRequestHeaders().getFirst("Authorization"), Instant.now()));
            Answer answer = script.pollFirst();
            if (answer == null) {
                answer = standing;
            }
            try {
                Thread.sleep(answer.delay());
                if (answer.status() == 200 && OpenAiStream.requested(request)) {
                    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        OpenAiStream.write(out, OpenAiStream.events(answer.body()), streamPause);
                    }
                    return;
                }
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up (timeout): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The fixture's completion (28 prompt tokens, 9 completion tokens). */
    static Answer ok() {
        return new Answer(200, Fixtures.text("openai-chat-response.json"), Map.of(), Duration.ZERO);
    }

    /** The fixture's completion with another assistant text. */
    static Answer ok(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return new Answer(200, Fixtures.text("openai-chat-response.json").replace(FIXTURE_CONTENT, escaped),
                Map.of(), Duration.ZERO);
    }

    /**
     * The tool-call fixture with a call of {@code tool} with {@code arguments} (the JSON text as a model writes it,
     * malformed or not), and with {@code content} as the assistant's text besides (null: tool calls only).
     */
    static Answer toolCall(String tool, String arguments, String content) {
        String body = Fixtures.text("openai-chat-response-tool-call.json")
                .replace("\"get_plan\"", "\"" + tool + "\"")
                .replace("\"{\\\"tenant_id\\\":\\\"tenant_42\\\"}\"", quote(arguments));
        if (content != null) {
            body = body.replace("\"content\": null", "\"content\": " + quote(content));
        }
        return new Answer(200, body, Map.of(), Duration.ZERO);
    }

    /** {@code update_memory} called with {@code arguments}, and {@code content} said besides. */
    static Answer memory(String arguments, String content) {
        return toolCall("update_memory", arguments, content);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static Answer error(int status, String fixture, Map<String, String> headers) {
        return new Answer(status, Fixtures.text(fixture), headers, Duration.ZERO);
    }

    void then(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /** Drops scripted answers that were not used. */
    void reset() {
        script.clear();
    }

    /** Streamed answers pause this long between their events. */
    void pauseStreams(Duration pause) {
        streamPause = pause;
    }

    void always(Answer answer) {
        standing = answer;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
