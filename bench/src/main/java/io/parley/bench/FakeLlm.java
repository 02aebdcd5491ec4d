package io.parley.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat completions endpoint on 127.0.0.1 that thinks for {@link #delayMillis} and answers with
 * the fixture openai-chat-response.json. Each request waits on its own virtual thread, so thousands can be in
 * flight; the peak of concurrent requests is the number of turns Parley had waiting on the LLM at once.
 */
final class FakeLlm implements AutoCloseable {

    static final String API_KEY = "sk-bench-0000000000000000000000000000";

    private final HttpServer server;
    private final byte[] response;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    final AtomicLong calls = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();
    volatile long delayMillis;

    FakeLlm(Path fixtures) throws IOException {
        response = Files.readAllBytes(fixtures.resolve("openai-chat-response.json"));
        server = FakeLine.serve("/v1/chat/completions", this::handle);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The most requests in flight at once since the last call. */
    int takePeak() {
        return peak.getAndSet(inFlight.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        calls.incrementAndGet();
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.incrementAndGet();
                FakeLine.answer(exchange, 401, "{\"error\":{\"message\":\"bad key\",\"code\":\"invalid_api_key\"}}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            long delay = delayMillis;
            if (delay > 0) {
                Thread.sleep(delay);
            }
            FakeLine.answer(exchange, 200, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
