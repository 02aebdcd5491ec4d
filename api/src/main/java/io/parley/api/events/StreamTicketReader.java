package io.parley.api.events;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads {@code ?ticket=} on GET /api/v1/events only, after the Authorization header (which wins when both are
 * sent). {@link StreamTickets} checks that what it reads is really a ticket.
 */
@Singleton
final class StreamTicketReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!StreamTickets.isStreamRequest(request)) {
            return Optional.empty();
        }
        return request.getParameters().getFirst(StreamTickets.QUERY_PARAMETER).filter(ticket -> !ticket.isBlank());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
