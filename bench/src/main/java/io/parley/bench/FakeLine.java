package io.parley.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * The LINE Messaging API as Parley calls it (shared/protocols README §1), on 127.0.0.1, answering with the real
 * fixtures: reply and push 200 with {@code sentMessages}, loading 202 {@code {}}, profile and bot info 200. Each reply
 * is matched to its webhook by the token ({@link LineWebhooks#replyToken}) and timed on arrival.
 */
final class FakeLine implements AutoCloseable {

    private final HttpServer server;
    private final byte[] replyResponse;
    private final byte[] pushResponse;
    private final byte[] profileResponse;
    private final byte[] emptyObject;
    private final Map<Integer, Phase> phases = new ConcurrentHashMap<>();
    private volatile Phase current;
    final AtomicLong loadings = new AtomicLong();
    final AtomicLong unmatchedReplies = new AtomicLong();
    final AtomicLong pushes = new AtomicLong();

    FakeLine(Path fixtures) throws IOException {
        replyResponse = Files.readAllBytes(fixtures.resolve("line-reply-response.json"));
        pushResponse = Files.readAllBytes(fixtures.resolve("line-push-response.json"));
        profileResponse = Files.readAllBytes(fixtures.resolve("line-profile-response.json"));
        emptyObject = Files.readAllBytes(fixtures.resolve("line-empty-object-response.json"));
        server = serve("/", this::handle);
    }

    /** A server on a free port of 127.0.0.1, one virtual thread per exchange, a backlog for thousands at once. */
    static HttpServer serve(String context, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(context, handler);
        server.start();
        return server;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Replies with this phase's tokens are recorded in it; pushes from now on count for it. */
    void track(Phase phase) {
        phases.put(phase.id, phase);
        current = phase;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            switch (path) {
                case "/v2/bot/message/reply" -> {
                    String token = JsonField.text(body, "replyToken");
                    recordReply(token, now);
                    recordCovered(body, now, false, token);
                    answer(exchange, 200, replyResponse);
                }
                case "/v2/bot/message/push" -> {
                    pushes.incrementAndGet(); // reply token too old (or refused): Parley pushes to the user instead
                    if (!recordCovered(body, now, true, null)) {
                        Phase phase = current;
                        if (phase != null) {
                            phase.pushed(now);
                        }
                    }
                    answer(exchange, 200, pushResponse);
                }
                case "/v2/bot/chat/loading/start" -> {
                    loadings.incrementAndGet();
                    answer(exchange, 202, emptyObject);
                }
                case "/v2/bot/info" -> answer(exchange, 200, ("{\"userId\":\"Ufeedfacefeedfacefeedfacefeedface\","
                        + "\"basicId\":\"@bench\",\"displayName\":\"Bench\",\"chatMode\":\"bot\","
                        + "\"markAsReadMode\":\"manual\"}").getBytes(StandardCharsets.UTF_8));
                default -> {
                    if (path.startsWith("/v2/bot/profile/")) {
                        answer(exchange, 200, profileResponse);
                    } else {
                        answer(exchange, 404, "{\"message\":\"Not found\"}".getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private void recordReply(String token, long now) {
        long[] parsed = LineWebhooks.parseToken(token);
        Phase phase = parsed == null ? null : phases.get((int) parsed[0]);
        if (phase == null) {
            unmatchedReplies.incrementAndGet();
        } else {
            phase.replied(parsed[1], now);
        }
    }

    /**
     * Credits the messages an answer names (the fake LLM names them; a coalesced answer names several): each becomes
     * answered at {@code now} (see {@link Phase#covered}); a push's messages count as answered by push.
     *
     * @param token the reply token, whose own message {@link #recordReply} has counted; null for a push
     * @return whether the answer named any message of a tracked phase
     */
    private boolean recordCovered(byte[] body, long now, boolean push, String token) {
        Matcher name = LineWebhooks.MESSAGE_NAME.matcher(new String(body, StandardCharsets.UTF_8));
        boolean any = false;
        while (name.find()) {
            int phaseId = Integer.parseInt(name.group(1));
            Phase phase = phases.get(phaseId);
            if (phase != null && !LineWebhooks.replyToken(phaseId, Long.parseLong(name.group(2))).equals(token)) {
                phase.covered(Long.parseLong(name.group(2)), now, push);
                any = true;
            }
        }
        return any;
    }

    static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
