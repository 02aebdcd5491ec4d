package io.parley.worker.ingress.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.database.NotificationListener;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.parley.worker.outbound.web.WebChatNotice;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hub behind web chat streams: one LISTEN on {@code parley_webchat} per worker process (a dedicated connection),
 * fanned out to the streams of the session each notice names. A worker only loads the messages of sessions that
 * have a stream open on it; any worker may run the outbound job, and every worker hears the NOTIFY.
 *
 * <p>Nothing is lost to a reconnect: a widget reconnecting with {@code Last-Event-ID} gets the replies after that id,
 * and when the hub's own LISTEN connection comes back after an outage, every open stream catches up on what was
 * sent in the meantime. A stream never shows one message twice.
 *
 * <p>Live hints ({@link io.parley.worker.outbound.web.WebChatLive}: composing, deltas of a reply being written) come
 * the same way as named events, to the streams open at that moment only: they are never stored nor replayed.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class WebChatStreams {

    private static final Logger LOG = LoggerFactory.getLogger(WebChatStreams.class);
    private static final int REPLAY_LIMIT = 200;
    private static final UUID NONE = new UUID(0, 0);

    private final TenantScope scope;
    private final MessageRepository messages;
    private final WebChatRepository sessions;
    private final JsonMapper json;
    private final Duration keepAlive;
    private final int maxPerSession;
    private final Map<SessionKey, Set<WebChatSubscriber>> subscribers = new ConcurrentHashMap<>();
    private final NotificationListener listener;
    private volatile boolean listenedBefore;

    record SessionKey(UUID channelId, String sessionId) {
    }

    WebChatStreams(TenantScope scope, MessageRepository messages, WebChatRepository sessions, JsonMapper json,
                   @Value("${parley.web-chat.keep-alive:15s}") Duration keepAlive,
                   @Value("${parley.web-chat.max-streams-per-session:5}") int maxPerSession,
                   @Value("${datasources.default.url:}") String url,
                   @Value("${datasources.default.username:}") String username,
                   @Value("${datasources.default.password:}") String password) {
        this.scope = scope;
        this.messages = messages;
        this.sessions = sessions;
        this.json = json;
        this.keepAlive = keepAlive;
        this.maxPerSession = maxPerSession;
        this.listener = url.isBlank() ? null
                : new NotificationListener(url, username, password, WebChatNotice.CHANNEL, this::listening, this::heard);
    }

    /**
     * A session's stream: first (with {@code lastEventId}) the replies after that id, then each reply as it is sent,
     * with keep-alive comments in between. 429 when the session has too many streams open.
     */
    Flux<Event<String>> open(TenantId tenant, UUID channelId, String sessionId, @Nullable UUID lastEventId) {
        SessionKey key = new SessionKey(channelId, sessionId);
        WebChatSubscriber subscriber = new WebChatSubscriber(tenant, key, Instant.now());
        subscribers.compute(key, (k, current) -> {
            Set<WebChatSubscriber> set = current == null ? ConcurrentHashMap.newKeySet() : current;
            if (set.size() >= maxPerSession) {
                throw ProblemException.rateLimited(keepAlive.toSeconds(),
                        "This chat session already has " + maxPerSession + " streams open; close one first.");
            }
            set.add(subscriber);
            return set;
        });
        try {
            if (lastEventId != null) {
                deliver(subscriber, lastEventId, Instant.EPOCH);
            }
        } catch (RuntimeException e) {
            remove(subscriber);
            throw e;
        }
        Event<String> hello = Event.of("").comment("connected").retry(Duration.ofSeconds(3));
        Flux<Event<String>> keepAlives = Flux.interval(keepAlive, keepAlive).map(tick -> Event.of("").comment("keep-alive"));
        return Flux.concat(Flux.just(hello), Flux.merge(subscriber.events(), keepAlives))
                .doFinally(signal -> remove(subscriber));
    }

    /** Open streams of a session on this process (tests). */
    int streams(UUID channelId, String sessionId) {
        Set<WebChatSubscriber> set = subscribers.get(new SessionKey(channelId, sessionId));
        return set == null ? 0 : set.size();
    }

    private void remove(WebChatSubscriber subscriber) {
        subscribers.computeIfPresent(subscriber.key(), (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
        subscriber.complete();
    }

    private void heard(String payload) {
        WebChatNotice notice;
        try {
            notice = json.readValue(payload, Argument.of(WebChatNotice.class));
        } catch (IOException e) {
            LOG.warn("Ignoring a malformed {} notification", WebChatNotice.CHANNEL);
            return;
        }
        Set<WebChatSubscriber> set = subscribers.get(new SessionKey(notice.channelId(), notice.sessionId()));
        if (set == null || set.isEmpty()) {
            return; // nobody watches this session on this process
        }
        TenantId tenant = new TenantId(notice.tenantId());
        if (notice.kind() != null) {
            Event<String> hint = hint(notice);
            if (hint != null) {
                set.stream().filter(s -> s.tenant().equals(tenant)).forEach(s -> s.hint(hint));
            }
            return;
        }
        if (notice.messageId() == null) {
            return;
        }
        scope.read(tenant, () -> messages.find(tenant.value(), notice.messageId()))
                .filter(row -> "outbound".equals(row.direction()))
                .ifPresent(row -> set.stream().filter(s -> s.tenant().equals(tenant)).forEach(s -> s.offer(row, render(row))));
    }

    /** Called each time LISTEN is (re)established; after an outage, streams catch up on what they missed. */
    private void listening() {
        if (!listenedBefore) {
            listenedBefore = true;
            return;
        }
        subscribers.values().forEach(set -> set.forEach(subscriber -> {
            try {
                deliver(subscriber, NONE, subscriber.watermark().minus(WebChatSubscriber.CATCH_UP_MARGIN));
            } catch (RuntimeException e) {
                LOG.warn("Could not catch up a web chat stream: {}", e.getMessage());
            }
        }));
    }

    private void deliver(WebChatSubscriber subscriber, UUID afterId, Instant since) {
        SessionKey key = subscriber.key();
        List<MessageRow> rows = scope.read(subscriber.tenant(), () -> sessions.sent(subscriber.tenant().value(),
                key.channelId(), key.sessionId(), afterId, since, REPLAY_LIMIT));
        rows.forEach(row -> subscriber.offer(row, render(row)));
    }

    /**
     * A live hint as a named SSE event without an id (so it never moves the client's Last-Event-ID): {@code composing}
     * with {@code active} true or false, or {@code delta}. Null for a kind this process does not know.
     */
    private @Nullable Event<String> hint(WebChatNotice notice) {
        Object wire = switch (notice.kind()) {
            case WebChatNotice.COMPOSING -> new WebChatWire.Composing(notice.replyTo(), true);
            case WebChatNotice.IDLE -> new WebChatWire.Composing(notice.replyTo(), false);
            case WebChatNotice.DELTA -> notice.text() == null || notice.offset() == null ? null
                    : new WebChatWire.Delta(notice.replyTo(), notice.offset(), notice.text());
            default -> null;
        };
        if (wire == null) {
            return null;
        }
        try {
            return Event.of(json.writeValueAsString(wire)).name(wire instanceof WebChatWire.Delta
                    ? WebChatNotice.DELTA : WebChatNotice.COMPOSING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Event<String> render(MessageRow row) {
        try {
            Map<String, Object> payload = json.readValue(row.payload(), Argument.mapOf(String.class, Object.class));
            String data = json.writeValueAsString(new WebChatWire.StreamMessage(row.id().toString(), row.text(),
                    row.type(), payload == null ? Map.of() : payload, row.createdAt()));
            return Event.of(data).id(row.id().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            listener.close();
        }
        subscribers.values().forEach(set -> set.forEach(WebChatSubscriber::complete));
    }
}
