package io.parley.api.template;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the WhatsApp Business Management API's {@code /{waba-id}/message_templates} on 127.0.0.1:
 * GET answers the two recorded pages (the first with {@code paging.next} and cursor {@code QVFIUkFAKEAFTER1}, the
 * second without), POST answers Meta's {@code {id, status, category}}, DELETE {@code {success: true}}. A wrong
 * Bearer token gets Meta's error 190. Every request is recorded.
 */
final class FakeGraphTemplates implements AutoCloseable {

    record Request(String method, String path, String query, String body) {
    }

    static final String TOKEN = "EAAGfaketemplatetoken0001";

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String createAnswer;
    private volatile int createStatus = 200;

    private FakeGraphTemplates(HttpServer server) {
        this.server = server;
    }

    static FakeGraphTemplates start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            FakeGraphTemplates fake = new FakeGraphTemplates(server);
            server.createContext("/whatsapp/v23.0/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> properties() {
        return Map.of("parley.providers.whatsapp-api-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/whatsapp/v23.0");
    }

    List<Request> requests(String method) {
        return requests.stream().filter(request -> request.method().equals(method)).toList();
    }

    /** The next template submission is answered with this status and body. */
    void answerCreate(int status, String body) {
        this.createStatus = status;
        this.createAnswer = body;
    }

    static String resource(String name) {
        try (InputStream in = FakeGraphTemplates.class.getResourceAsStream("/whatsapp-templates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        requests.add(new Request(method, exchange.getRequestURI().getPath(), query, body));
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, """
                    {"error":{"message":"Error validating access token: Session has expired","type":"OAuthException",\
                    "code":190,"error_subcode":463,"fbtrace_id":"AFakeTraceId0000000002"}}""");
            return;
        }
        if (!exchange.getRequestURI().getPath().endsWith("/message_templates")) {
            answer(exchange, 404, "{\"error\":{\"message\":\"Unknown path\",\"code\":100}}");
            return;
        }
        switch (method) {
            case "GET" -> answer(exchange, 200, resource(query.contains("after=QVFIUkFAKEAFTER1")
                    ? "list-page-2.json" : "list-page-1.json"));
            case "POST" -> {
                String scripted = createAnswer;
                createAnswer = null;
                answer(exchange, scripted == null ? 200 : createStatus,
                        scripted == null ? resource("create-response.json") : scripted);
            }
            case "DELETE" -> answer(exchange, 200, resource("delete-response.json"));
            default -> answer(exchange, 405, "{}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
