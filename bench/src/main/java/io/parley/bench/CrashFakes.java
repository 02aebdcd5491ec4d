package io.parley.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash run's fake LINE and LLM (bench/README.md, "Crash run"). The LLM thinks {@code llmMillis}, then answers
 * with the texts of the user messages after the prompt's last assistant message — the messages this turn answers —
 * so every answer names its messages; LINE hands every reply and push to the {@link CrashTally}, and refuses a
 * reply token used before (400 "Invalid reply token", nothing delivered), as LINE does.
 */
final class CrashFakes implements AutoCloseable {

    /** A message object of the request: no nested objects, role and content in either order. */
    private static final Pattern MESSAGE_OBJECT = Pattern.compile("\\{[^{}]*\"role\"[^{}]*}");
    private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"(\\w+)\"");

    private final HttpServer line;
    private final HttpServer llm;
    private final CrashTally tally;
    private final byte[] replyResponse;
    private final byte[] pushResponse;
    private final byte[] profileResponse;
    private final byte[] llmResponse;
    private final long llmMillis;
    final AtomicLong llmCalls = new AtomicLong();
    final AtomicLong usedTokenRefusals = new AtomicLong();
    private final Set<String> usedTokens = ConcurrentHashMap.newKeySet();
    private final byte[] invalidReplyToken;
    private static final Pattern REPLY_TOKEN = Pattern.compile("\"replyToken\"\\s*:\\s*\"([^\"]+)\"");

    CrashFakes(Path fixtures, CrashTally tally, long llmMillis) throws IOException {
        this.tally = tally;
        this.llmMillis = llmMillis;
        replyResponse = Files.readAllBytes(fixtures.resolve("line-reply-response.json"));
        pushResponse = Files.readAllBytes(fixtures.resolve("line-push-response.json"));
        profileResponse = Files.readAllBytes(fixtures.resolve("line-profile-response.json"));
        llmResponse = Files.readAllBytes(fixtures.resolve("openai-chat-response.json"));
        invalidReplyToken = Files.readAllBytes(fixtures.resolve("line-error-invalid-reply-token.json"));
        line = FakeLine.serve("/", this::line);
        llm = FakeLine.serve("/v1/chat/completions", this::llm);
    }

    String lineUrl() {
        return "http://127.0.0.1:" + line.getAddress().getPort();
    }

    String llmUrl() {
        return "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1";
    }

    private void line(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            long now = System.nanoTime();
            switch (path) {
                case "/v2/bot/message/reply" -> {
                    Matcher token = REPLY_TOKEN.matcher(body);
                    if (token.find() && !usedTokens.add(token.group(1))) {
                        // A reply token works once: LINE refuses it after, and delivers nothing
                        usedTokenRefusals.incrementAndGet();
                        FakeLine.answer(exchange, 400, invalidReplyToken);
                        return;
                    }
                    tally.answered(body, false, now);
                    FakeLine.answer(exchange, 200, replyResponse);
                }
                case "/v2/bot/message/push" -> {
                    tally.answered(body, true, now);
                    FakeLine.answer(exchange, 200, pushResponse);
                }
                case "/v2/bot/chat/loading/start" -> FakeLine.answer(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
                case "/v2/bot/info" -> FakeLine.answer(exchange, 200, ("{\"userId\":\"Ufeedfacefeedfacefeedfacefeedface\","
                        + "\"basicId\":\"@bench\",\"displayName\":\"Bench\",\"chatMode\":\"bot\","
                        + "\"markAsReadMode\":\"manual\"}").getBytes(StandardCharsets.UTF_8));
                default -> FakeLine.answer(exchange, path.startsWith("/v2/bot/profile/") ? 200 : 404,
                        path.startsWith("/v2/bot/profile/") ? profileResponse
                                : "{\"message\":\"Not found\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void llm(HttpExchange exchange) throws IOException {
        long call = llmCalls.incrementAndGet();
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Thread.sleep(llmMillis);
            // "ans#<call>": each answer is unique, so LINE receiving one twice is a real duplicate
            String answer = "ans#" + call + " " + String.join(" ", newMessages(body));
            String response = new String(llmResponse, StandardCharsets.UTF_8)
                    .replace("Hello! How can I help you today?", answer);
            FakeLine.answer(exchange, 200, response.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The user messages after the last assistant message of the prompt: what this turn answers. */
    static List<String> newMessages(String requestBody) {
        return newMessages(requestBody, CrashTally.MESSAGE);
    }

    /**
     * The names ({@code name} matches) in the user messages after the last assistant message of an OpenAI-compatible
     * chat request: the messages this turn answers.
     */
    static List<String> newMessages(String requestBody, Pattern name) {
        List<String> trailing = new ArrayList<>();
        Matcher message = MESSAGE_OBJECT.matcher(requestBody);
        while (message.find()) {
            Matcher role = ROLE.matcher(message.group());
            if (!role.find()) {
                continue;
            }
            if (role.group(1).equals("assistant")) {
                trailing.clear();
            } else if (role.group(1).equals("user")) {
                Matcher named = name.matcher(message.group());
                while (named.find()) {
                    trailing.add(named.group());
                }
            }
        }
        return trailing;
    }

    @Override
    public void close() {
        line.stop(0);
        llm.stop(0);
    }
}
