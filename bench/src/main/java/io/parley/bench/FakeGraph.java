package io.parley.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WhatsApp Cloud API as Parley's broadcasts call it (shared/protocols README §2), on 127.0.0.1: {@code GET
 * /{phone-number-id}} answers the number (the channel check), {@code POST /{phone-number-id}/messages} answers the
 * send fixture with a unique wamid. Like Meta, it allows {@code allowedPerSecond} messages in any one-second window
 * and refuses more with error 130429 (HTTP 400, nothing delivered). Every accepted message is recorded: its
 * arrival time and its recipient ({@code to}), so the run can count duplicates and the pace ({@link SendWindows}).
 * When a {@link StatusWebhooks} is set, each accepted message also comes back to Parley as a "sent" status webhook.
 */
final class FakeGraph implements AutoCloseable {

    private final HttpServer server;
    private final byte[] sendResponse;
    private final byte[] rateLimited;
    private volatile Recording recording = new Recording(1000, 16);
    /** Where accepted messages are reported as status webhooks; null: none are sent. */
    private volatile StatusWebhooks statuses;
    /** Live conversations whose replies are timed (null: none). */
    private volatile LiveChats live;
    private final byte[] readResponse;

    /** What one broadcast run received. */
    static final class Recording {
        final int allowedPerSecond;
        final ConcurrentHashMap<String, AtomicInteger> recipients = new ConcurrentHashMap<>();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong wamids = new AtomicLong();
        private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
        private long[] accepted;
        private long[] received;
        private int acceptedCount;
        private int receivedCount;

        Recording(int allowedPerSecond, int expected) {
            this.allowedPerSecond = allowedPerSecond;
            accepted = new long[Math.max(16, expected)];
            received = new long[Math.max(16, expected)];
        }

        /**
         * Records the arrival; false when it would exceed the allowed rate (refused, not accepted). A live reply
         * ({@code broadcast} false) counts in the number's windows but not among the broadcast's accepted messages.
         */
        synchronized boolean arrive(long now, boolean broadcast) {
            if (receivedCount == received.length) {
                received = java.util.Arrays.copyOf(received, received.length * 2);
            }
            received[receivedCount++] = now;
            while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
                lastSecond.pollFirst();
            }
            if (lastSecond.size() >= allowedPerSecond) {
                refused.incrementAndGet();
                return false;
            }
            lastSecond.addLast(now);
            if (!broadcast) {
                return true;
            }
            if (acceptedCount == accepted.length) {
                accepted = java.util.Arrays.copyOf(accepted, accepted.length * 2);
            }
            accepted[acceptedCount++] = now;
            return true;
        }

        synchronized SendWindows acceptedWindows() {
            return SendWindows.of(accepted, acceptedCount);
        }

        /** Every request, the refused ones too: the pace Parley actually sent at. */
        synchronized SendWindows receivedWindows() {
            return SendWindows.of(received, receivedCount);
        }

        long accepted() {
            return wamids.get();
        }

        /** Messages accepted for a recipient that had one already. */
        long duplicates() {
            return recipients.values().stream().mapToLong(count -> Math.max(0, count.get() - 1)).sum();
        }
    }

    FakeGraph(Path fixtures) throws IOException {
        sendResponse = Files.readAllBytes(fixtures.resolve("whatsapp-send-template-response.json"));
        rateLimited = Files.readAllBytes(fixtures.resolve("whatsapp-error-130429.json"));
        readResponse = Files.readAllBytes(fixtures.resolve("whatsapp-mark-read-response.json"));
        server = FakeLine.serve("/", this::handle);
    }

    /** The Graph API base URL with its version, as PARLEY_WHATSAPP_API_URL takes it. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v23.0";
    }

    /** From now on, each accepted message is reported to {@code webhooks} (null: no status webhooks). */
    void statuses(StatusWebhooks webhooks) {
        statuses = webhooks;
    }

    /** From now on, text messages to these conversations' numbers are their replies (null: none). */
    void live(LiveChats chats) {
        live = chats;
    }

    /** Starts a new recording, allowing {@code allowedPerSecond} from now on. */
    Recording record(int allowedPerSecond, int expected) {
        Recording fresh = new Recording(allowedPerSecond, expected);
        recording = fresh;
        return fresh;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            String path = exchange.getRequestURI().getPath();
            String[] segments = path.split("/"); // "", "v23.0", number[, "messages"]
            if (exchange.getRequestMethod().equals("GET") && segments.length == 3) {
                FakeLine.answer(exchange, 200, ("{\"display_phone_number\":\"+1 555-010-" + segments[2].substring(
                        Math.max(0, segments[2].length() - 4)) + "\",\"verified_name\":\"Bench\",\"id\":\""
                        + segments[2] + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST") || segments.length != 4
                    || !segments[3].equals("messages")) {
                FakeLine.answer(exchange, 404, "{\"error\":{\"message\":\"Unknown path\",\"code\":100}}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if ("read".equals(JsonField.text(body, "status"))) { // a read receipt (and typing indicator): no message
                FakeLine.answer(exchange, 200, readResponse);
                return;
            }
            Recording current = recording;
            String to = JsonField.text(body, "to");
            LiveChats chats = live;
            boolean reply = chats != null && chats.live(to) && "text".equals(JsonField.text(body, "type"));
            if (!current.arrive(now, !reply)) {
                FakeLine.answer(exchange, 400, rateLimited);
                return;
            }
            if (reply) {
                chats.replied(to, now); // a live reply: counted in the number's windows, not a broadcast recipient
                FakeLine.answer(exchange, 200, new String(sendResponse, StandardCharsets.UTF_8).replace(
                        "wamid.FAKE000000000000000000000000000780", String.format("wamid.LIVEREPLY%024d",
                                current.wamids.get())).getBytes(StandardCharsets.UTF_8));
                return;
            }
            current.recipients.computeIfAbsent(to == null ? "?" : to, key -> new AtomicInteger()).incrementAndGet();
            String wamid = String.format("wamid.BENCH%028d", current.wamids.incrementAndGet());
            StatusWebhooks webhooks = statuses;
            if (webhooks != null) {
                webhooks.accepted(wamid, to == null ? "?" : to, JsonField.text(body, "biz_opaque_callback_data"));
            }
            FakeLine.answer(exchange, 200, new String(sendResponse, StandardCharsets.UTF_8)
                    .replace("wamid.FAKE000000000000000000000000000780", wamid).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
