package io.parley.worker.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.testing.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local stand-ins for the LINE, WhatsApp and Telegram send APIs on 127.0.0.1, one server with a path prefix per
 * provider. They record every request and answer with what a test scripted for a path (usually a protocol fixture),
 * or else with a success in the provider's shape: LINE {@code sentMessages} with one id per message sent, a WhatsApp
 * wamid, a Telegram Message with the next message_id. Like LINE, a push whose {@code X-Line-Retry-Key} was accepted
 * before is answered 409 and not delivered again.
 */
public final class FakeProviders implements AutoCloseable {

    /** A request as received (at {@code nanos}, System.nanoTime()); header names in lower case. */
    public record Request(String path, Map<String, String> headers, String body, long nanos) {

        public Request(String path, Map<String, String> headers, String body) {
            this(path, headers, body, System.nanoTime());
        }

        public Map<String, Object> json() {
            return parse(body);
        }
    }

    private record Scripted(int status, String body, Map<String, String> headers) {
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(700_000_000_000_000_000L);
    private final Set<String> acceptedRetryKeys = ConcurrentHashMap.newKeySet();

    /** Told of each WhatsApp message accepted (its request and wamid), as Meta's status webhooks would. */
    private volatile java.util.function.BiConsumer<Request, String> whatsappAccepted = (request, wamid) -> {
    };
    /** WhatsApp messages after this many are accepted but not answered until {@link #releaseHeld()}. */
    private volatile long answerWhatsAppMessages = Long.MAX_VALUE;
    private volatile long heldWhatsAppMessages;
    private final AtomicLong whatsappMessages = new AtomicLong();
    private volatile java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(0);

    private FakeProviders(HttpServer server) {
        this.server = server;
    }

    public static FakeProviders start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            FakeProviders fake = new FakeProviders(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider URL properties pointing at this fake. */
    public Map<String, String> properties() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("parley.providers.line-api-url", base + "/line",
                "parley.providers.whatsapp-api-url", base + "/whatsapp/v23.0",
                "parley.providers.telegram-api-url", base + "/telegram",
                "parley.providers.timeout", "2s");
    }

    /** The next request whose path ends with {@code pathEnding} gets this answer (scripts queue up in order). */
    public void script(String pathEnding, int status, String body, Map<String, String> headers) {
        scripts.computeIfAbsent(pathEnding, key -> new ArrayDeque<>()).add(new Scripted(status, body, headers));
    }

    public void script(String pathEnding, int status, String body) {
        script(pathEnding, status, body, Map.of());
    }

    /** Answers the next request to the path with the fixture's bytes. */
    public void scriptFixture(String pathEnding, int status, String fixture) {
        script(pathEnding, status, Fixtures.text(fixture));
    }

    /** Called for each WhatsApp message accepted, with its request and wamid (a status webhook's source). */
    public void onWhatsAppAccepted(java.util.function.BiConsumer<Request, String> listener) {
        this.whatsappAccepted = listener;
    }

    /**
     * Answers the next {@code count} WhatsApp messages; the {@code hold} after them are accepted (and reported to
     * {@link #onWhatsAppAccepted}) but their answers are held until {@link #releaseHeld()}: a sender killed while
     * they were in flight. Later ones are answered as usual.
     */
    public void holdWhatsAppAnswers(int count, int hold) {
        held = new java.util.concurrent.CountDownLatch(1);
        answerWhatsAppMessages = whatsappMessages.get() + count;
        heldWhatsAppMessages = hold;
    }

    /** Answers the held messages. */
    public void releaseHeld() {
        held.countDown();
    }

    /** Requests whose path ends with {@code pathEnding}, oldest first. */
    public List<Request> requests(String pathEnding) {
        return requests.stream().filter(request -> request.path().endsWith(pathEnding)).toList();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final java.util.Set<String> usedReplyTokens = ConcurrentHashMap.newKeySet();

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                values.getFirst()));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request received = new Request(path, headers, body);
        requests.add(received);
        for (Map.Entry<String, Deque<Scripted>> script : scripts.entrySet()) {
            Scripted next = path.endsWith(script.getKey()) ? script.getValue().poll() : null;
            if (next != null) {
                answer(exchange, next.status(), next.body(), next.headers());
                return;
            }
        }
        if (path.endsWith("/v2/bot/message/reply") && parse(body).get("replyToken") instanceof String token
                && !usedReplyTokens.add(token)) {
            // A reply token works once: LINE refuses it after (shared/protocols fixture line-error-invalid-reply-token).
            answer(exchange, 400, Fixtures.text("line-error-invalid-reply-token.json"), Map.of());
            return;
        }
        String retryKey = headers.get("x-line-retry-key");
        if (retryKey != null && (path.endsWith("/v2/bot/message/push") || path.endsWith("/v2/bot/message/multicast"))
                && !acceptedRetryKeys.add(retryKey)) {
            // LINE took a push with this key already: 409 and nothing delivered (shared/protocols README, retry key).
            answer(exchange, 409, Fixtures.text("line-error-409-retry-key.json"),
                    Map.of("X-Line-Accepted-Request-Id", "accepted-" + retryKey));
            return;
        }
        String success = success(path, parse(body));
        if (path.startsWith("/whatsapp/") && path.endsWith("/messages") && !"read".equals(parse(body).get("status"))) {
            whatsappAccepted.accept(received, String.valueOf(((Map<?, ?>) ((List<?>) parse(success)
                    .get("messages")).getFirst()).get("id")));
            long number = whatsappMessages.incrementAndGet();
            if (number > answerWhatsAppMessages && number <= answerWhatsAppMessages + heldWhatsAppMessages) {
                try {
                    held.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        answer(exchange, path.endsWith("/chat/loading/start") ? 202 : 200, success, Map.of());
    }

    private String success(String path, Map<String, Object> request) {
        if (path.startsWith("/line/")) {
            if (!(request.get("messages") instanceof List<?> messages)) {
                return "{}";
            }
            StringBuilder sent = new StringBuilder();
            for (int i = 0; i < messages.size(); i++) {
                sent.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids.incrementAndGet()).append("\"}");
            }
            return "{\"sentMessages\":[" + sent + "]}";
        }
        if (path.startsWith("/whatsapp/")) {
            return "read".equals(request.get("status")) ? Fixtures.text("whatsapp-mark-read-response.json")
                    : "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"%s\",\"wa_id\":\"%s\"}],"
                    .formatted(request.get("to"), request.get("to"))
                    + "\"messages\":[{\"id\":\"wamid.FAKE" + ids.incrementAndGet() + "\"}]}";
        }
        if (path.endsWith("/sendChatAction")) {
            return Fixtures.text("telegram-sendchataction-response.json");
        }
        return "{\"ok\":true,\"result\":{\"message_id\":" + (ids.incrementAndGet() % 100_000) + ",\"chat\":{\"id\":"
                + request.get("chat_id") + ",\"type\":\"private\"},\"date\":1768469402}}";
    }

    private static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
