package io.parley.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * The knowledge-indexing benchmark (bench/README.md, "Knowledge indexing"; issue 14: indexing a 5 MB document while
 * 50 conversations run must not raise their reply p99 by more than 20 %). One fresh Parley with the bot's knowledge
 * base on; 50 LINE conversations (each contact writes, waits for the answer, thinks {@code --knowledge-think-ms})
 * in three measured phases: before (the base empty), while a generated 5 MB Markdown document is uploaded and indexed (the
 * phase lasts exactly as long as the indexing), and after (every turn now retrieves from the 5 MB base).
 */
final class KnowledgeRun {

    private static final int CONTACTS = 50;
    private static final String EMAIL = "bench@example.com";
    private static final String PASSWORD = "bench-password-0001";

    private final Bench.Settings settings;
    private final Map<String, String> options;

    KnowledgeRun(Bench.Settings settings, Map<String, String> options) {
        this.settings = settings;
        this.options = options;
    }

    String run() throws Exception {
        long think = Long.parseLong(options.getOrDefault("knowledge-think-ms", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("knowledge-seconds", "60"));
        int documentBytes = Integer.parseInt(options.getOrDefault("knowledge-bytes", Integer.toString(5 << 20)));
        long llmMillis = Long.parseLong(options.getOrDefault("knowledge-llm-ms", "200"));
        Map<String, String> environment = new java.util.HashMap<>();
        try (FakeLine line = new FakeLine(settings.fixtures()); FakeLlm llm = new FakeLlm(settings.fixtures())) {
            environment.put("PARLEY_LINE_API_URL", line.baseUrl());
            environment.put("PARLEY_LLM_BASE_URL", llm.baseUrl());
            environment.put("PARLEY_LLM_API_KEY", FakeLlm.API_KEY);
            // the document is one request: raise the api's request and multipart limits above it
            String limit = Integer.toString(documentBytes + (1 << 20));
            environment.put("PARLEY_MAX_REQUEST_BYTES", limit);
            environment.put("PARLEY_CONTACTS_IMPORT_MAX_BYTES", limit);
            environment.putAll(settings.environment());
            try (ParleyProcess parley = ParleyProcess.start(settings.jar(), settings.work().resolve("knowledge"),
                    settings.jvmFlags(), environment);
                 Database database = Database.of(parley);
                 HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                Admin.Setup setup = Admin.provision(parley.baseUrl());
                database.raisePlan(setup.tenantId());
                Ceilings ceilings = new Ceilings(); // bench/README.md, "In-run ceilings": durability only (no acks here)
                int ceilingSeconds = Math.min(5, Integer.parseInt(options.getOrDefault("ceiling-seconds", "10")));
                if (ceilingSeconds > 0) {
                    ScenarioRun.log("knowledge: durability ceiling, %d s of one-row commits", ceilingSeconds);
                    ceilings.measureDurable("knowledge", database, Integer.parseInt(options.getOrDefault(
                            "ceiling-clients", "32")), ceilingSeconds);
                }
                String token = JsonField.text(send(http, HttpRequest.newBuilder(URI.create(parley.baseUrl()
                        + "/api/v1/auth/login")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + EMAIL + "\",\"password\":\""
                                + PASSWORD + "\"}")), null), "accessToken");
                String knowledge = parley.baseUrl() + "/api/v1/bots/" + setup.botId() + "/knowledge";
                send(http, HttpRequest.newBuilder(URI.create(knowledge + "/settings"))
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")), token);
                LineWebhooks webhooks = new LineWebhooks(Admin.CHANNEL_SECRET,
                        Long.toString(System.currentTimeMillis(), 36));
                try (WebhookLoad load = new WebhookLoad(parley.baseUrl(), setup.channelId(), webhooks, false,
                        CONTACTS)) {
                    int capacity = CONTACTS * 900;
                    Phase warm = new Phase(1, capacity, true);
                    line.track(warm);
                    ScenarioRun.log("knowledge: warm-up, %d s", seconds);
                    converse(load, warm, think, after(seconds));
                    awaitReplies(warm);
                    llm.delayMillis = llmMillis;

                    Phase before = new Phase(2, capacity, true);
                    line.track(before);
                    ScenarioRun.log("knowledge: before, %d s, the knowledge base empty", seconds);
                    Monitor beforeCost = new Monitor(parley, database, llm);
                    converse(load, before, think, after(seconds));
                    awaitReplies(before);
                    Monitor.Usage beforeUsage = beforeCost.finish();

                    Phase during = new Phase(3, capacity, true);
                    line.track(during);
                    byte[] document = document(documentBytes);
                    ScenarioRun.log("knowledge: uploading %,d bytes; the conversations go on until it is indexed",
                            document.length);
                    Monitor duringCost = new Monitor(parley, database, llm);
                    long uploadStart = System.nanoTime();
                    String source = JsonField.text(upload(http, knowledge + "/sources/files", token, document), "id");
                    double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
                    long indexStart = System.nanoTime();
                    long[] polled = {indexStart};
                    java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
                    converse(load, during, think, () -> {
                        long now = System.nanoTime();
                        synchronized (polled) {
                            if (finished.get() || now - polled[0] < TimeUnit.MILLISECONDS.toNanos(500)) {
                                return finished.get();
                            }
                            polled[0] = now;
                            String status = sourceStatus(http, knowledge + "/sources/" + source, token);
                            finished.set(status.equals("ready") || status.equals("failed")
                                    || now - indexStart > TimeUnit.MINUTES.toNanos(10));
                            return finished.get();
                        }
                    });
                    double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
                    awaitReplies(during);
                    Monitor.Usage duringUsage = duringCost.finish();
                    String indexed = send(http, HttpRequest.newBuilder(URI.create(knowledge + "/sources/" + source))
                            .GET(), token);

                    Phase after = new Phase(4, capacity, true);
                    line.track(after);
                    ScenarioRun.log("knowledge: after, %d s, every turn retrieving from the 5 MB base", seconds);
                    Monitor afterCost = new Monitor(parley, database, llm);
                    converse(load, after, think, after(seconds));
                    awaitReplies(after);
                    Monitor.Usage afterUsage = afterCost.finish();
                    return report(documentBytes, think, llmMillis, uploadSeconds, indexSeconds, indexed,
                            before, during, after) + KnowledgeCosts.render(ceilings.durable("knowledge"),
                            List.of("before", "while indexing", "after"), List.of(before, during, after),
                            List.of(beforeUsage, duringUsage, afterUsage));
                }
            }
        }
    }

    private static String report(int bytes, long think, long llmMillis, double upload, double index, String source,
                                 Phase before, Phase during, Phase after) {
        StringBuilder report = new StringBuilder();
        report.append(String.format("Knowledge indexing benchmark: a %,d-byte Markdown document, %d LINE conversations "
                + "(each: write, wait for the answer, think %d ms), LLM %d ms%n", bytes, CONTACTS, think, llmMillis));
        report.append(String.format("upload %.1f s (201); indexing %.1f s to status %s, %s chunks%n", upload, index,
                JsonField.text(source, "status"), chunkCount(source)));
        report.append(String.format("%-34s %7s %9s %9s %9s %9s %6s%n", "phase", "turns", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "pushes"));
        double baseline = row(report, "before (knowledge base empty)", before);
        double indexing = row(report, "while indexing 5 MB", during);
        row(report, "after (retrieving from 5 MB)", after);
        report.append(String.format("reply p99 while indexing / before: %.2f (target ≤ 1.20)%n", indexing / baseline));
        return report.toString();
    }

    private static double row(StringBuilder report, String name, Phase phase) {
        long[] sorted = phase.replyLatencies().sorted();
        double p99 = Latencies.millis(sorted, 0.99);
        report.append(String.format("%-34s %7d %9.1f %9.1f %9.1f %9.1f %6d%n", name, sorted.length,
                Latencies.millis(sorted, 0.50), Latencies.millis(sorted, 0.95), p99,
                Latencies.millis(sorted, 1.0), phase.pushes.get()));
        return p99;
    }

    private static String chunkCount(String source) {
        int at = source.indexOf("\"chunkCount\":");
        if (at < 0) {
            return "?";
        }
        int end = at + 13;
        while (end < source.length() && Character.isDigit(source.charAt(end))) {
            end++;
        }
        return source.substring(at + 13, end);
    }

    /**
     * The 50 conversations: each contact writes, waits for the answer (at most 60 s), thinks {@code thinkMillis},
     * and writes again — one message in flight per contact, so no turn coalesces several — until {@code done}.
     */
    private static void converse(WebhookLoad load, Phase phase, long thinkMillis, BooleanSupplier done)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService contacts = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CONTACTS; c++) {
                int contact = c;
                contacts.execute(() -> {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(thinkMillis * contact / CONTACTS));
                    while (!done.getAsBoolean()) {
                        int sequence = next.getAndIncrement();
                        if (sequence >= phase.capacity) {
                            return;
                        }
                        load.send(phase, sequence, contact);
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                        while (phase.repliedAt.get(sequence) == 0 && System.nanoTime() < deadline) {
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(thinkMillis));
                    }
                });
            }
        }
    }

    /** Stops the phase after {@code seconds}. */
    private static BooleanSupplier after(int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        return () -> System.nanoTime() - end >= 0;
    }

    /** Until every acknowledged webhook is answered, or 2 minutes passed. */
    private static void awaitReplies(Phase phase) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (phase.answered() < phase.acked.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (phase.answered() < phase.acked.get()) {
            ScenarioRun.log("  gave up waiting: %d of %d answered", phase.answered(), phase.acked.get());
        }
    }

    /**
     * A Markdown handbook of {@code bytes} bytes: headed sections of English and Traditional Chinese sentences
     * (deterministic, so runs compare).
     */
    static byte[] document(int bytes) {
        String[] words = {"opening", "hours", "refund", "delivery", "account", "invoice", "warranty", "store",
                "membership", "points", "booking", "cancel", "parcel", "courier", "payment", "coupon", "return"};
        String[] zh = {"營業時間為每日上午十點至晚上九點。", "退貨須於七日內辦理。", "會員點數可折抵消費。",
                "宅配約需三個工作天。", "發票將以電子郵件寄送。"};
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 1024);
        int section = 0;
        while (out.size() < bytes) {
            StringBuilder text = new StringBuilder("## Section ").append(++section).append(' ')
                    .append(words[random.nextInt(words.length)]).append("\n\n");
            for (int sentence = 0; sentence < 12; sentence++) {
                for (int w = 0; w < 12; w++) {
                    text.append(words[random.nextInt(words.length)]).append(w == 11 ? ". " : " ");
                }
                if (sentence % 3 == 0) {
                    text.append(zh[random.nextInt(zh.length)]);
                }
            }
            out.writeBytes(text.append("\n\n").toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String upload(HttpClient http, String url, String token, byte[] document)
            throws IOException, InterruptedException {
        String boundary = "parley-bench-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(document.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"handbook.md\"\r\nContent-Type: text/markdown\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(document);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(http, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), token);
    }

    private static String sourceStatus(HttpClient http, String url, String token) {
        try {
            return JsonField.text(send(http, HttpRequest.newBuilder(URI.create(url)).GET(), token), "status");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String send(HttpClient http, HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        request.timeout(Duration.ofMinutes(2)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.build().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
