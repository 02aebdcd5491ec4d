package io.parley.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat completions endpoint on 127.0.0.1 that thinks for {@link #delayMillis} and answers with
 * the fixture openai-chat-response.json, naming the benchmark messages it answers ({@link #answering}). Each request waits on its own virtual thread, so thousands can be in
 * flight; the peak of concurrent requests is the number of turns Parley had waiting on the LLM at once.
 */
final class FakeLlm implements AutoCloseable {

    /** The answer's text in openai-chat-response.json. */
    private static final String FIXTURE_TEXT = "Hello! How can I help you today?";

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
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readAllBytes();
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
            FakeLine.answer(exchange, 200, answering(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * The fixture's answer, its text replaced by the names of the benchmark messages this turn answers (the user
     * messages after the prompt's last assistant message), so the fake LINE can credit each one a coalesced answer
     * covers; the fixture as it is for a prompt without them.
     */
    private byte[] answering(byte[] request) {
        List<String> names = CrashFakes.newMessages(new String(request, StandardCharsets.UTF_8),
                LineWebhooks.MESSAGE_NAME);
        if (names.isEmpty()) {
            return response;
        }
        return new String(response, StandardCharsets.UTF_8)
                .replace(FIXTURE_TEXT, "Answering " + String.join(", ", names))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
