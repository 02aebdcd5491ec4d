package io.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broadcast benchmark's tenant, set up and driven through Parley's real admin API as a person would: sign up,
 * a bot, a WhatsApp channel (verified against the fake Graph API), contacts by CSV import, segments, broadcasts
 * with a template message, and their progress.
 */
final class BroadcastAdmin implements AutoCloseable {

    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String APP_SECRET = "bench-app-secret-0001";
    private static final String EMAIL = "broadcast-bench@example.com";
    private static final String PASSWORD = "bench-password-0001";

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String accessToken;
    final String tenantId;
    final String botId;
    final String channelId;

    private BroadcastAdmin(String baseUrl) throws IOException, InterruptedException {
        this.baseUrl = baseUrl;
        String tokens = send("POST", "/api/v1/auth/signup", "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD
                + "\",\"tenantName\":\"Broadcast bench\"}");
        accessToken = JsonField.text(tokens, "accessToken");
        tenantId = JsonField.text(tokens.substring(tokens.indexOf("\"tenant\"")), "id");
        botId = JsonField.text(send("POST", "/api/v1/bots", """
                {"name":"Shop","persona":"You are a concise assistant.",
                 "llm":{"provider":"openai-compatible","model":"gpt-4o-mini"},"historyWindow":10}"""), "id");
        channelId = JsonField.text(send("POST", "/api/v1/bots/" + botId + "/channels", "{\"type\":\"whatsapp\","
                + "\"name\":\"Bench WhatsApp\",\"credentials\":{\"phoneNumberId\":\"" + PHONE_NUMBER_ID + "\","
                + "\"accessToken\":\"bench-system-user-token-0001\",\"appSecret\":\"" + APP_SECRET + "\"}}"), "id");
        String verified = send("POST", "/api/v1/bots/" + botId + "/channels/" + channelId + "/verify", "{}");
        if (!"healthy".equals(JsonField.text(verified, "status"))) {
            throw new IOException("the WhatsApp channel did not verify against the fake Graph API: " + verified);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    static BroadcastAdmin provision(String baseUrl) throws IOException, InterruptedException {
        return new BroadcastAdmin(baseUrl);
    }

    /** Signs in again (an access token lives minutes; a run lasts longer). */
    void login() throws IOException, InterruptedException {
        accessToken = JsonField.text(send("POST", "/api/v1/auth/login", "{\"email\":\"" + EMAIL
                + "\",\"password\":\"" + PASSWORD + "\"}"), "accessToken");
    }

    /**
     * The tag of every imported contact: the {@code broadcast} scenario's segment, which therefore leaves out the live
     * conversations' contacts (they chat on the same channel but were not imported).
     */
    static final String BROADCAST_TAG = "b";

    /** The WhatsApp number's throughput (the channel credential {@code messagesPerSecond}). */
    void rate(int messagesPerSecond) throws IOException, InterruptedException {
        send("PATCH", "/api/v1/bots/" + botId + "/channels/" + channelId,
                "{\"credentials\":{\"messagesPerSecond\":\"" + messagesPerSecond + "\"}}");
    }

    /**
     * Imports {@code count} contacts on the channel ({@link #number}(i), tag {@link #BROADCAST_TAG} on every one,
     * {@code r} on the first {@code rateTagged}, {@code c} on the first {@code crashTagged}) and waits for the import
     * job.
     */
    void importContacts(int count, int rateTagged, int crashTagged, Duration patience)
            throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("externalUserId,displayName,tags\n");
        for (int i = 0; i < count; i++) {
            String tags = BROADCAST_TAG + (i < rateTagged ? ";r" : "") + (i < crashTagged ? ";c" : "");
            csv.append(number(i)).append(",Contact ").append(i).append(',').append(tags).append('\n');
        }
        String boundary = "----parley-bench-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"channelId\"\r\n\r\n" + channelId
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        String started = send("POST", "/api/v1/contacts/imports", "multipart/form-data; boundary=" + boundary, body);
        String id = JsonField.text(started, "id");
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            String progress = send("GET", "/api/v1/contacts/imports/" + id, null);
            String state = JsonField.text(progress, "state");
            if ("completed".equals(state) || "failed".equals(state)) {
                if (!"completed".equals(state) || number(progress, "createdCount") != count) {
                    throw new IOException("the contacts import ended " + state + ": " + progress);
                }
                return;
            }
            Thread.sleep(1000);
        }
        throw new IOException("the contacts import did not finish within " + patience);
    }

    /** The E.164 number of contact {@code i} (as WhatsApp's {@code to}, without the plus). */
    static String number(int i) {
        return String.format("+88690%07d", i);
    }

    /** A segment of the channel's contacts, of those with {@code tag} when not null. */
    String segment(String name, String tag) throws IOException, InterruptedException {
        String definition = "{\"channelIds\":[\"" + channelId + "\"]" + (tag == null ? "" : ",\"tags\":{\"any\":[\""
                + tag + "\"]}") + "}";
        return JsonField.text(send("POST", "/api/v1/segments", "{\"name\":\"" + name + "\",\"definition\":"
                + definition + "}"), "id");
    }

    /** Creates and sends a broadcast of a template message to the segment; returns its id. */
    String broadcast(String name, String segmentId) throws IOException, InterruptedException {
        String id = JsonField.text(send("POST", "/api/v1/broadcasts", "{\"name\":\"" + name + "\",\"segmentId\":\""
                + segmentId + "\",\"channelIds\":[\"" + channelId + "\"],\"message\":{\"parts\":[{\"type\":\"text\","
                + "\"text\":\"December sale\"}],\"template\":{\"name\":\"december_sale\",\"language\":\"zh_TW\","
                + "\"bodyVariables\":[\"{{contact.displayName}}\"]}}}"), "id");
        send("POST", "/api/v1/broadcasts/" + id + "/send", "{}");
        return id;
    }

    /** The broadcast as the API shows it (state, stats). */
    String broadcastState(String id) throws IOException, InterruptedException {
        return send("GET", "/api/v1/broadcasts/" + id, null);
    }

    /** The first number {@code "name": 123} of {@code json}, or -1. */
    static long number(String json, String name) {
        Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return value.find() ? Long.parseLong(value.group(1)) : -1;
    }

    private String send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, "PATCH".equals(method) ? "application/merge-patch+json" : "application/json", json);
    }

    private String send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 && !path.startsWith("/api/v1/auth/")) {
            login(); // the access token expired during a long run
            return send(method, path, contentType, body);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        client.close();
    }
}
