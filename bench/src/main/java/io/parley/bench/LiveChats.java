package io.parley.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live conversations on the broadcast's WhatsApp number while it runs (issue 12: "live conversations' reply latency
 * during the broadcast"): {@code conversations} contacts, each in a closed loop — a signed inbound text webhook
 * (shared/protocols fixture whatsapp-webhook-text.json) posted to the ingress, then the bot's reply awaited at the
 * fake Graph API ({@link FakeGraph} hands it over by the recipient's number), then {@code thinkMillis} before the next
 * message. Latency: webhook posted → reply received by the fake (the LLM is the fake one, answering at once). A reply
 * not received within {@link #PATIENCE} counts as unanswered and the loop goes on.
 */
final class LiveChats implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI url;
    private final String phoneNumberId;
    private final SecretKeySpec key;
    private final long thinkMillis;
    /** Each conversation's number (digits, as wa_id) → where its reply's arrival time goes. */
    private final ConcurrentHashMap<String, BlockingQueue<Long>> waiting = new ConcurrentHashMap<>();
    private final List<Thread> loops = new ArrayList<>();
    private final Latencies latencies = new Latencies(100_000);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /**
     * The inbound messages' wamids, unique across every LiveChats of the run: the ingress keeps one event per wamid
     * (the provider's event id is the unique key), so a second instance counting from 0 again (the "during" loops after
     * the "before" ones, the next scenario's) had its first messages dropped as duplicates: no turn, no reply, and
     * each loop waited {@link #PATIENCE} for nothing.
     */
    private static final AtomicLong IDS = new AtomicLong();
    private volatile boolean running = true;

    LiveChats(String ingressUrl, String channelId, String phoneNumberId, String appSecret, int conversations,
              long thinkMillis) {
        this.url = URI.create(ingressUrl + "/webhooks/whatsapp/" + channelId);
        this.phoneNumberId = phoneNumberId;
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.thinkMillis = thinkMillis;
        for (int i = 0; i < conversations; i++) {
            String number = String.format("88699%07d", i);
            waiting.put(number, new LinkedBlockingQueue<>());
            loops.add(Thread.ofVirtual().name("live-chat-" + i).start(() -> converse(number)));
        }
    }

    /** True when {@code to} (with or without +) is one of the live conversations. */
    boolean live(String to) {
        return to != null && waiting.containsKey(to.startsWith("+") ? to.substring(1) : to);
    }

    /** The fake received a message to {@code to} at {@code nanoTime}. */
    void replied(String to, long nanoTime) {
        BlockingQueue<Long> queue = waiting.get(to.startsWith("+") ? to.substring(1) : to);
        if (queue != null) {
            // kept even when it arrives before its loop waits for it (a synchronous hand-over dropped such a reply
            // and the loop then waited PATIENCE for nothing); a second message of one reply is cleared next turn
            queue.offer(nanoTime);
        }
    }

    private void converse(String number) {
        BlockingQueue<Long> replies = waiting.get(number);
        while (running) {
            try {
                replies.clear(); // late replies, or further messages, of earlier turns
                long posted = System.nanoTime();
                if (!post(number)) {
                    refused.incrementAndGet();
                    Thread.sleep(1000);
                    continue;
                }
                sent.incrementAndGet();
                Long at = replies.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (at == null) {
                    if (running) {
                        unanswered.incrementAndGet();
                    }
                } else {
                    latencies.record(at - posted);
                }
                Thread.sleep(thinkMillis);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                refused.incrementAndGet();
            }
        }
    }

    private boolean post(String number) throws Exception {
        long id = IDS.incrementAndGet();
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"100000000000001\",\"changes\":"
                + "[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550000000\",\"phone_number_id\":\"" + phoneNumberId + "\"},\"contacts\":[{\"profile\":"
                + "{\"name\":\"Live " + number + "\"},\"wa_id\":\"" + number + "\"}],\"messages\":[{\"from\":\""
                + number + "\",\"id\":\"" + String.format("wamid.LIVE%030d", id) + "\",\"timestamp\":\""
                + System.currentTimeMillis() / 1000 + "\",\"type\":\"text\",\"text\":{\"body\":\"Is the shop open"
                + " today? (" + id + ")\"}}]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        return answer.statusCode() == 200;
    }

    /** "n turns answered: p50 … p99 … max … ms; unanswered …" */
    String summary() {
        Latencies.Summary s = latencies.summary();
        return String.format("live conversations (%d, closed loop, %d ms between a reply and the next message): "
                        + "%,d messages sent, %,d answered: webhook → reply p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
                        + "unanswered within %d s: %,d; webhooks refused or failed: %,d", waiting.size(), thinkMillis,
                sent.get(), s.count(), s.p50(), s.p99(), s.max(), PATIENCE.toSeconds(), unanswered.get(),
                refused.get());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loops.forEach(Thread::interrupt);
        for (Thread loop : loops) {
            loop.join(5000);
        }
    }
}
