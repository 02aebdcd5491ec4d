package io.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends signed LINE webhooks to Parley from many contacts: one virtual thread per request, at most
 * {@code concurrency} in flight (a closed loop: a new request leaves when one is answered), optionally paced to a
 * rate. Webhook {@code i} comes from contact {@code i % contacts}, so every contact's messages are spread over the
 * run and each conversation's turns are serial in Parley while different contacts' run in parallel.
 */
final class WebhookLoad implements AutoCloseable {

    private final HttpClient client;
    private final RawHttp raw;
    private final URI webhook;
    private final LineWebhooks webhooks;

    /** @param jdkClient send with the JDK HttpClient rather than {@link RawHttp} */
    WebhookLoad(String parleyUrl, String channelId, LineWebhooks webhooks, boolean jdkClient, int connections) {
        this.webhook = URI.create(parleyUrl + "/webhooks/line/" + channelId);
        this.client = jdkClient ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build() : null;
        this.raw = jdkClient ? null : new RawHttp(webhook, connections);
        this.webhooks = webhooks;
    }

    /**
     * Sends up to {@code count} webhooks of {@code phase} (never more than its capacity), stopping early at
     * {@code deadline} (System.nanoTime; 0 = none); returns when every request sent has its answer.
     *
     * @param ratePerSecond 0 = as fast as the answers come back
     */
    void run(Phase phase, int count, int contacts, int concurrency, long deadline, double ratePerSecond)
            throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        int limit = Math.min(count, phase.capacity);
        long start = System.nanoTime();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < limit; i++) {
                if (deadline != 0 && System.nanoTime() - deadline >= 0) {
                    break;
                }
                if (ratePerSecond > 0) {
                    long due = start + (long) (i * 1e9 / ratePerSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                permits.acquire();
                int sequence = i;
                requests.execute(() -> {
                    try {
                        send(phase, sequence, sequence % contacts);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
    }

    /** One webhook of {@code phase} from contact {@code contact}, recording its send and acknowledgement. */
    void send(Phase phase, int sequence, int contact) {
        byte[] body = webhooks.body(phase.id, sequence, contact);
        String signature = webhooks.sign(body);
        phase.sending(sequence, System.nanoTime());
        try {
            int status = client == null ? raw.post(body, signature) : client.send(HttpRequest.newBuilder(webhook)
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("x-line-signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                phase.acknowledged(sequence, System.nanoTime());
            } else {
                phase.failed("HTTP " + status);
            }
        } catch (IOException e) {
            phase.failed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            phase.failed("interrupted");
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        } else {
            raw.close();
        }
    }
}
