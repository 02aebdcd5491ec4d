package io.parley.api.events;

import io.micronaut.http.sse.Event;
import io.parley.core.tenancy.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One connected stream: a bounded buffer between the hub (which offers events) and the HTTP response (which takes
 * them as fast as the client reads). Offers are serialized here because Reactor sinks reject concurrent emits.
 */
final class StreamClient {

    private final TenantId tenant;
    private final Instant closeAt;
    private final Sinks.Many<Event<String>> buffer;
    private final Sinks.One<Boolean> closed = Sinks.one();

    StreamClient(TenantId tenant, int capacity, Instant closeAt) {
        this.tenant = tenant;
        this.closeAt = closeAt;
        this.buffer = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(capacity));
    }

    TenantId tenant() {
        return tenant;
    }

    boolean expired(Instant now) {
        return now.isAfter(closeAt);
    }

    /** {@code first}, then what the hub offers, until {@link #close()}; buffered events are dropped on close. */
    Flux<Event<String>> events(Event<String> first) {
        return Flux.concat(Mono.just(first), buffer.asFlux()).takeUntilOther(closed.asMono());
    }

    /** False when the buffer is full: the client does not keep up. */
    synchronized boolean offer(Event<String> event) {
        return buffer.tryEmitNext(event) != Sinks.EmitResult.FAIL_OVERFLOW;
    }

    /** Ends the response at once (the client's EventSource then reconnects). */
    synchronized void close() {
        closed.tryEmitValue(Boolean.TRUE);
    }
}
