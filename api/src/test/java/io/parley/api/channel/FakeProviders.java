package io.parley.api.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.parley.core.testing.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Local stand-ins for the LINE, WhatsApp and Telegram APIs on 127.0.0.1, one server with a path prefix per provider.
 * They check credentials the way the providers do (Bearer header; Telegram: the token in the path) and answer with
 * the protocol fixtures. Success bodies of bot info, phone number and getMe have no fixture; they follow the shapes
 * in the providers' API references.
 */
final class FakeProviders implements AutoCloseable {

    /** A registered LINE bot or Telegram bot: what the fake answers for a good token. */
    record Bot(String token, String id, String name) {
    }

    /** A setWebhook call as received: the token from the path and the raw JSON body. */
    record SetWebhook(String token, String body) {
    }

    private final HttpServer server;
    private final Map<String, Bot> lineBots = new ConcurrentHashMap<>();
    private final Set<String> whatsappTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Bot> telegramBots = new ConcurrentHashMap<>();
    private final List<SetWebhook> setWebhooks = new CopyOnWriteArrayList<>();
    private volatile int outageStatus;
    private volatile long stallMillis;

    private FakeProviders(HttpServer server) {
        this.server = server;
    }

    static FakeProviders start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool()); // a stalled answer must not hold up the others
            FakeProviders fake = new FakeProviders(server);
            server.createContext("/line/", fake::line);
            server.createContext("/whatsapp/v23.0/", fake::whatsapp);
            server.createContext("/telegram/", fake::telegram);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider URL properties pointing at this fake. */
    Map<String, String> properties() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("parley.providers.line-api-url", base + "/line",
                "parley.providers.whatsapp-api-url", base + "/whatsapp/v23.0",
                "parley.providers.telegram-api-url", base + "/telegram");
    }

    /** A new LINE bot; its token is good until the end of the test. */
    Bot lineBot(String name) {
        Bot bot = new Bot("line-token-" + UUID.randomUUID(), "U" + UUID.randomUUID().toString().replace("-", ""), name);
        lineBots.put(bot.token(), bot);
        return bot;
    }

    /** A new WhatsApp access token that the fake accepts. */
    String whatsappToken() {
        String token = "EAAG" + UUID.randomUUID().toString().replace("-", "");
        whatsappTokens.add(token);
        return token;
    }

    Bot telegramBot(String name) {
        String id = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
        Bot bot = new Bot(id + ":AAH" + UUID.randomUUID().toString().replace("-", ""), id, name);
        telegramBots.put(bot.token(), bot);
        return bot;
    }

    List<SetWebhook> setWebhooks(String token) {
        return setWebhooks.stream().filter(call -> call.token().equals(token)).toList();
    }

    /** Every provider answers {@code status} (e.g. 503) from now on; 0 restores normal answers. */
    void outage(int status) {
        this.outageStatus = status;
    }

    /** Every provider waits {@code millis} before answering; 0 restores prompt answers. */
    void stall(long millis) {
        this.stallMillis = millis;
    }

    private void line(HttpExchange exchange) throws IOException {
        if (!disturbed(exchange)) {
            Bot bot = lineBots.get(bearer(exchange));
            if (!exchange.getRequestURI().getPath().equals("/line/v2/bot/info")) {
                answer(exchange, 404, "{\"message\":\"Not found\"}");
            } else if (bot == null) {
                answer(exchange, 401, Fixtures.text("line-error-401.json"));
            } else {
                answer(exchange, 200, """
                        {"userId":"%s","basicId":"@123abcde","displayName":"%s",\
                        "pictureUrl":"https://profile.line-scdn.net/FAKE","chatMode":"bot","markAsReadMode":"auto"}"""
                        .formatted(bot.id(), bot.name()));
            }
        }
    }

    private void whatsapp(HttpExchange exchange) throws IOException {
        if (!disturbed(exchange)) {
            String phoneNumberId = exchange.getRequestURI().getPath().substring("/whatsapp/v23.0/".length());
            if (!"fields=display_phone_number,verified_name".equals(exchange.getRequestURI().getQuery())) {
                answer(exchange, 400, Fixtures.text("whatsapp-error-100-invalid-parameter.json"));
            } else if (!whatsappTokens.contains(bearer(exchange))) {
                answer(exchange, 401, Fixtures.text("whatsapp-error-190.json"));
            } else {
                answer(exchange, 200, """
                        {"display_phone_number":"+1 555-0100","verified_name":"Lumi Cafe","id":"%s"}"""
                        .formatted(phoneNumberId));
            }
        }
    }

    /** {@code /telegram/bot<token>/<method>}: the token is in the path, as on api.telegram.org. */
    private void telegram(HttpExchange exchange) throws IOException {
        if (disturbed(exchange)) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        int slash = path.lastIndexOf('/');
        String token = path.startsWith("/telegram/bot") ? path.substring("/telegram/bot".length(), slash) : "";
        String method = path.substring(slash + 1);
        Bot bot = telegramBots.get(token);
        if (bot == null) {
            answer(exchange, 401, Fixtures.text("telegram-error-401.json"));
        } else if (method.equals("getMe")) {
            answer(exchange, 200, """
                    {"ok":true,"result":{"id":%s,"is_bot":true,"first_name":"%s","username":"lumi_test_bot",\
                    "can_join_groups":true,"can_read_all_group_messages":false,"supports_inline_queries":false}}"""
                    .formatted(bot.id(), bot.name()));
        } else if (method.equals("setWebhook")) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            setWebhooks.add(new SetWebhook(token, new String(body, StandardCharsets.UTF_8)));
            answer(exchange, 200, Fixtures.text("telegram-setwebhook-response.json"));
        } else {
            answer(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
    }

    private boolean disturbed(HttpExchange exchange) throws IOException {
        if (stallMillis > 0) {
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (outageStatus > 0) {
            answer(exchange, outageStatus, "{\"message\":\"Service unavailable\"}");
            return true;
        }
        return false;
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
