package io.parley.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WhatsApp "sent" status webhooks for the messages {@link FakeGraph} accepts, as Meta sends them (shared/protocols
 * fixture whatsapp-webhook-status-sent.json, plus the {@code biz_opaque_callback_data} the send carried), signed with
 * the app secret ({@code X-Hub-Signature-256}) and posted to the ingress process. Every 100 ms the statuses
 * accumulated go out, up to 100 per notification (Meta batches statuses too). They let Parley settle the recipients
 * whose send answers a killed worker never read (docs/broadcasts.md "No message twice").
 */
final class StatusWebhooks implements AutoCloseable {

    private record Status(String wamid, String to, String callback) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI url;
    private final String phoneNumberId;
    private final SecretKeySpec key;
    private final ConcurrentLinkedQueue<Status> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final AtomicLong posted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    StatusWebhooks(String ingressUrl, String channelId, String phoneNumberId, String appSecret) {
        this.url = URI.create(ingressUrl + "/webhooks/whatsapp/" + channelId);
        this.phoneNumberId = phoneNumberId;
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        timer.scheduleWithFixedDelay(this::flush, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** The message {@code wamid} to {@code to} was accepted; {@code callback} as the send carried it (or null). */
    void accepted(String wamid, String to, String callback) {
        pending.add(new Status(wamid, to, callback));
    }

    private void flush() {
        try {
            List<Status> batch = new ArrayList<>();
            for (Status status = pending.poll(); status != null; status = pending.poll()) {
                batch.add(status);
                if (batch.size() == 100) {
                    post(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                post(batch);
            }
        } catch (Exception e) {
            ScenarioRun.log("broadcast: a status webhook failed: %s", e);
        }
    }

    private void post(List<Status> batch) throws Exception {
        StringBuilder statuses = new StringBuilder();
        long now = System.currentTimeMillis() / 1000;
        for (Status status : batch) {
            statuses.append(statuses.isEmpty() ? "" : ",").append("{\"id\":\"").append(status.wamid())
                    .append("\",\"status\":\"sent\",\"timestamp\":\"").append(now).append("\",\"recipient_id\":\"")
                    .append(status.to().replace("+", "")).append('"');
            if (status.callback() != null) {
                statuses.append(",\"biz_opaque_callback_data\":\"").append(status.callback()).append('"');
            }
            statuses.append('}');
        }
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"100000000000001\","
                + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550000000\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"statuses\":[" + statuses + "]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        (answer.statusCode() == 200 ? posted : refused).addAndGet(batch.size());
    }

    private String sign(byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
