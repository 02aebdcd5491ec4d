package io.parley.core.webpush;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.ServerRoles;
import io.parley.core.notification.Notification;
import io.parley.core.notification.Notifications;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.queue.JobRequest;
import io.parley.core.queue.JobRetryAfter;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pushes one notification to one browser (job kind {@value #KIND}; args: the notification's and the subscription's
 * ids), by the Web Push protocol: RFC 8030 (https://www.rfc-editor.org/rfc/rfc8030) POST to the subscription's
 * endpoint with {@code TTL} and {@code Urgency}, the payload encrypted per RFC 8291 ({@link PushEncryption}) and a
 * VAPID token per RFC 8292 ({@link Vapid}).
 *
 * <p>The push service's answer decides (RFC 8030 §6–8): 2xx done; 404/410 the subscription has expired or was
 * unsubscribed, so it is deleted; 429 and 5xx retry after its Retry-After (at most an hour), or with the queue's
 * backoff without one; 413 (payload
 * too large) and any other 4xx are logged and the job discarded (retrying cannot help). The member is read again
 * when the job runs: someone removed meanwhile, or whose role no longer sees the notification, gets nothing. Logs
 * name ids and the endpoint's host only: the endpoint's path is a capability to push to that browser.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class WebPushHandler implements JobHandler {

    static final String KIND = "notification.webpush";

    /** A Retry-After further away than this is cut to it: the message's TTL is hours, not days. */
    private static final Duration MAX_PAUSE = Duration.ofHours(1);
    /** RFC 8292 §2: a push service rejects a token that expires more than 24 hours ahead. */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private static final Logger LOG = LoggerFactory.getLogger(WebPushHandler.class);

    @Serdeable
    record Args(UUID notificationId, UUID subscriptionId) {
    }

    private final TenantScope scope;
    private final Notifications notifications;
    private final PushSubscriptions subscriptions;
    private final VapidKeyStore keys;
    private final WebPushSettings settings;
    private final JsonMapper json;
    private final String publicUrl;
    private final HttpClient http;

    WebPushHandler(TenantScope scope, Notifications notifications, PushSubscriptions subscriptions, VapidKeyStore keys,
                   WebPushSettings settings, JsonMapper json,
                   @Value("${parley.public-url:`http://localhost:8080`}") String publicUrl,
                   @Nullable @Named("webpush") SSLContext tls) {
        this.scope = scope;
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.settings = settings;
        this.json = json;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) { // the tests' push service has a self-signed certificate
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    static JobRequest job(UUID notification, UUID subscription) {
        return JobRequest.of(KIND, "{\"notificationId\":\"" + notification + "\",\"subscriptionId\":\""
                        + subscription + "\"}")
                .unique("notification-webpush:" + notification + ":" + subscription)
                .maxAttempts(6);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) throws IOException, InterruptedException {
        Args args = job.args(json, Args.class, a -> a.notificationId() != null && a.subscriptionId() != null,
                KIND + " args name no notification and subscription");
        if (!settings.enabled()) {
            throw new JobDiscard("Web Push is no longer enabled");
        }
        TenantId tenant = job.tenant();
        record Push(Notification notification, PushSubscriptions.Target target) {
        }
        Optional<Push> push = scope.read(tenant, () -> notifications.find(tenant, args.notificationId())
                .flatMap(notification -> subscriptions.target(tenant, args.subscriptionId())
                        .filter(target -> Role.fromWire(target.role())
                                .map(role -> role.atLeast(Role.fromWire(notification.minRole()).orElseThrow()))
                                .orElse(false))
                        .map(target -> new Push(notification, target))));
        if (push.isEmpty()) {
            LOG.info("Notification {} is not pushed to subscription {}: gone, or its member no longer sees it",
                    args.notificationId(), args.subscriptionId());
            return;
        }
        PushSubscriptions.Target target = push.get().target();
        URI endpoint = URI.create(target.endpoint());
        byte[] body = PushEncryption.encrypt(payload(push.get().notification(), target.language()), target.p256dh(),
                target.auth());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Authorization", Vapid.authorization(keys.keys(), keys.subject(), endpoint,
                        Instant.now().plus(TOKEN_LIFETIME)))
                .header("TTL", Long.toString(settings.ttl().toSeconds()))
                .header("Urgency", "high")
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        String where = "subscription " + target.id() + " at " + endpoint.getHost();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 404 || status == 410) {
            scope.writeVoid(tenant, () -> subscriptions.forget(tenant, target.id()));
            LOG.info("Push service answered {} for {}: the browser unsubscribed, subscription deleted", status, where);
            return;
        }
        if (status == 429 || status >= 500) {
            String reason = "Push service answered " + status + " for " + where;
            Optional<Duration> after = retryAfter(response.headers().firstValue("Retry-After").orElse(null),
                    Instant.now());
            if (after.isPresent()) {
                throw new JobRetryAfter(after.get(), reason);
            }
            throw new IllegalStateException(reason); // the queue's growing backoff: 1 s, 16 s, 81 s …
        }
        LOG.warn("Push service refused notification {} for {} with {}{}", args.notificationId(), where, status,
                status == 413 ? " (payload too large)" : "");
        throw new JobDiscard("Push service answered " + status + " for " + where);
    }

    /** The JSON the dashboard's service worker shows (web/frontend/public/sw.js): at most ~3.9 KB once encrypted. */
    byte[] payload(Notification notification, String language) throws IOException {
        PushTexts.Text text = PushTexts.of(notification, language);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", notification.id().toString());
        payload.put("kind", notification.kind());
        payload.put("severity", notification.severity());
        payload.put("title", clip(text.title(), 200));
        payload.put("body", clip(text.body(), 600)); // 600 CJK characters are 1.8 KB: the record holds ~3.9 KB
        payload.put("url", publicUrl + (notification.link() == null ? "/" : notification.link()));
        return json.writeValueAsBytes(payload);
    }

    /** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), at most an hour; empty when missing or unreadable. */
    static Optional<Duration> retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Duration after;
        try {
            after = Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                after = Duration.between(now, ZonedDateTime.parse(header.trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        return Optional.of(after.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : after.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : after);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
