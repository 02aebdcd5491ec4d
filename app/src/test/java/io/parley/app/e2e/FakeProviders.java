package io.parley.app.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.parley.core.testing.OpenAiStream;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Local stand-ins for the LINE Messaging API and an OpenAI-compatible LLM, speaking their wire protocol
 * (shapes from shared/protocols fixtures). They record every request so tests can assert what Parley sent.
 */
final class FakeProviders implements AutoCloseable {

    /** One recorded request. */
    record Call(String path, String authorization, String retryKey, String body) {
    }

    private final HttpServer server;
    final List<Call> lineCalls = new CopyOnWriteArrayList<>();
    final List<Call> llmCalls = new CopyOnWriteArrayList<>();
    /** What the LLM answers for a request body; replace per test. */
    final AtomicReference<Function<String, LlmAnswer>> llm = new AtomicReference<>(body -> LlmAnswer.ok("Hello from the LLM"));

    /** An LLM answer: HTTP status, content for 200, or an error body. */
    record LlmAnswer(int status, String content, String errorBody) {
        static LlmAnswer ok(String content) {
            return new LlmAnswer(200, content, null);
        }

        static LlmAnswer error(int status, String body) {
            return new LlmAnswer(status, null, body);
        }
    }

    FakeProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/line/", this::line);
        server.createContext("/llm/", this::llm);
        server.start();
    }

    String lineUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/line";
    }

    String llmUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/llm/v1";
    }

    private void line(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath().substring("/line".length());
        lineCalls.add(new Call(path, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Line-Retry-Key"), body));
        if (path.startsWith("/v2/bot/chat/loading")) {
            respond(exchange, 202, "{}");
        } else if (path.startsWith("/v2/bot/profile/Uprofile")) {
            String userId = path.substring("/v2/bot/profile/".length());
            respond(exchange, 200, "{\"displayName\":\"小明\",\"userId\":\"" + userId + "\",\"language\":\"zh-TW\"}");
        } else if (path.startsWith("/v2/bot/profile")) {
            respond(exchange, 404, "{\"message\":\"Not found\"}");
        } else if (path.equals("/v2/bot/message/reply") || path.equals("/v2/bot/message/push")) {
            respond(exchange, 200, "{\"sentMessages\":[{\"id\":\"" + System.nanoTime() + "\",\"quoteToken\":\"q\"}]}");
        } else {
            respond(exchange, 404, "{\"message\":\"Not found\"}");
        }
    }

    private void llm(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        llmCalls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                null, body));
        LlmAnswer answer = llm.get().apply(body);
        if (answer.status() != 200) {
            respond(exchange, answer.status(), answer.errorBody());
            return;
        }
        String content = answer.content().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        String completion = """
                {"id":"chatcmpl-e2e","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":42,"completion_tokens":7,"total_tokens":49}}""".formatted(content);
        if (OpenAiStream.requested(body)) { // web chat replies are streamed (docs/llm.md "Streaming")
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                OpenAiStream.write(out, OpenAiStream.events(completion), Duration.ZERO);
            }
            return;
        }
        respond(exchange, 200, completion);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** LINE reply and push requests (not loading animations). */
    List<Call> lineMessages() {
        return lineCalls.stream().filter(call -> call.path().startsWith("/v2/bot/message/")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
