package io.parley.worker.ingress.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.sse.Event;
import io.parley.core.ServerRoles;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.parley.http.ratelimit.RateLimiter;
import io.parley.worker.ingress.EventDraft;
import io.parley.worker.ingress.InboundEventStore;
import io.parley.worker.ingress.IngressChannel;
import io.parley.worker.ingress.IngressChannels;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The web chat widget's two operations. A message is stored and its turn enqueued exactly like a webhook event
 * (providerEventId = the widget's client message id, externalUserId = the session id); replies come back on the
 * session's stream. Both are limited per client IP, messages also per session (Bucket4j state in PostgreSQL).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class WebChatService {

    private static final Pattern SESSION_ID = Pattern.compile(WebChatWire.SESSION_ID);

    private final IngressChannels channels;
    private final InboundEventStore store;
    private final WebChatRepository sessions;
    private final WebChatStreams streams;
    private final TenantScope scope;
    private final RateLimiter limiter;
    private final RateLimiter.Limit perIp;
    private final RateLimiter.Limit perSession;

    WebChatService(IngressChannels channels, InboundEventStore store, WebChatRepository sessions,
                   WebChatStreams streams, TenantScope scope, RateLimiter limiter,
                   @Value("${parley.rate-limits.chat-per-ip-per-minute:120}") int perIp,
                   @Value("${parley.rate-limits.chat-per-session-per-minute:20}") int perSession) {
        this.channels = channels;
        this.store = store;
        this.sessions = sessions;
        this.streams = streams;
        this.scope = scope;
        this.limiter = limiter;
        this.perIp = RateLimiter.Limit.perMinute(perIp);
        this.perSession = RateLimiter.Limit.perMinute(perSession);
    }

    WebChatWire.Accepted send(String widgetKey, WebChatWire.MessageRequest request, String clientIp) {
        limit("chat-ip:" + clientIp, perIp);
        IngressChannel channel = channels.resolveWidget(widgetKey);
        limit("chat-session:" + channel.id() + ":" + request.sessionId(), perSession);
        // A button press keeps its label as text (what the contact saw, for the inbox and the LLM's history), as
        // WhatsApp button replies do; flows route it by its postback data.
        InboundEvent.Type type = request.postback() == null ? InboundEvent.Type.TEXT : InboundEvent.Type.POSTBACK;
        InboundEvent event = EventDraft.of(channel.id(), request.clientMessageId(), Instant.now())
                .type(type).user(request.sessionId()).text(request.text()).postback(request.postback()).build();
        UUID eventId = store.store(channel.tenant(), event).orElseGet(() -> scope.read(channel.tenant(),
                () -> sessions.eventOf(channel.tenant().value(), channel.id(), request.clientMessageId(),
                        request.sessionId())).orElseThrow(() -> ProblemException.conflict(
                "clientMessageId was already used by another session; generate a new one per message.")));
        boolean personAnswers = scope.read(channel.tenant(), () -> sessions.heldByPerson(channel.tenant().value(),
                channel.id(), request.sessionId()));
        String personAnswersText = personAnswers
                ? scope.read(channel.tenant(), () -> sessions.handoffText(channel.tenant().value(), channel.id()))
                : null;
        return new WebChatWire.Accepted(eventId.toString(), personAnswers, personAnswersText);
    }

    Flux<Event<String>> stream(String widgetKey, String sessionId, @Nullable String lastEventId, String clientIp) {
        if (!SESSION_ID.matcher(sessionId).matches()) {
            throw ProblemException.notFound("Chat session");
        }
        limit("chat-stream-ip:" + clientIp, perIp);
        IngressChannel channel = channels.resolveWidget(widgetKey);
        UUID after = lastEventId == null ? null : Ids.parse(lastEventId.trim()).orElse(null);
        return streams.open(channel.tenant(), channel.id(), sessionId, after);
    }

    private void limit(String key, RateLimiter.Limit limit) {
        RateLimiter.Decision decision = limiter.tryAcquire(key, limit);
        if (!decision.allowed()) {
            throw ProblemException.rateLimited(decision.retryAfterSeconds(),
                    "Too many chat requests; retry in " + decision.retryAfterSeconds() + " s.");
        }
    }
}
