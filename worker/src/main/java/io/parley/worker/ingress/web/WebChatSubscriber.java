package io.parley.worker.ingress.web;

import io.micronaut.http.sse.Event;
import io.parley.core.conversation.MessageRow;
import io.parley.core.tenancy.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One open stream. Replays, live notices and catch-ups may offer the same message (from different threads): each
 * message goes out once. The buffer holds events until the HTTP response subscribes.
 */
final class WebChatSubscriber {

    /** Catch-ups look this far behind the newest "sent" time seen: transactions commit a little after now(). */
    static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(30);
    private static final int REMEMBERED = 500;

    private final TenantId tenant;
    private final WebChatStreams.SessionKey key;
    private final Sinks.Many<Event<String>> sink = Sinks.many().unicast().onBackpressureBuffer();
    private final Map<UUID, Boolean> sent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private Instant watermark;

    WebChatSubscriber(TenantId tenant, WebChatStreams.SessionKey key, Instant openedAt) {
        this.tenant = tenant;
        this.key = key;
        this.watermark = openedAt;
    }

    TenantId tenant() {
        return tenant;
    }

    WebChatStreams.SessionKey key() {
        return key;
    }

    synchronized Instant watermark() {
        return watermark;
    }

    Flux<Event<String>> events() {
        return sink.asFlux();
    }

    synchronized void offer(MessageRow row, Event<String> event) {
        if (row.updatedAt().isAfter(watermark)) {
            watermark = row.updatedAt();
        }
        if (sent.put(row.id(), Boolean.TRUE) == null) {
            sink.tryEmitNext(event);
        }
    }

    /** A live hint (composing, a delta): sent as it comes, never de-duplicated nor remembered. */
    synchronized void hint(Event<String> event) {
        sink.tryEmitNext(event);
    }

    synchronized void complete() {
        sink.tryEmitComplete();
    }
}
