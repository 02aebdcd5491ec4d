package io.parley.api.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CredentialClaims;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;

/**
 * Stream tickets: browsers' EventSource cannot send an Authorization header, so the dashboard trades its access
 * token for a ticket (POST /api/v1/events/ticket) and opens {@code GET /api/v1/events?ticket=…}.
 *
 * <p>A ticket is a JWT signed like access tokens, carrying the same user and tenant plus {@code purpose:
 * event-stream}, and living one minute. It is accepted on the stream endpoint only, and the stream endpoint
 * accepts nothing else from the URL: an access token in a query string would land in proxy and server logs and
 * browser history with 15 minutes of full API access; a leaked ticket opens one read-only stream for a minute.
 * The member's role is still read from the database when the stream opens, as for every request.
 */
@Singleton
final class StreamTickets implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final String STREAM_PATH = "/api/v1/events";
    static final String QUERY_PARAMETER = "ticket";
    private static final String PURPOSE_CLAIM = "purpose";
    private static final String PURPOSE = "event-stream";

    private final TokenGenerator tokens;
    private final EventStreamConfiguration configuration;

    StreamTickets(TokenGenerator tokens, EventStreamConfiguration configuration) {
        this.tokens = tokens;
        this.configuration = configuration;
    }

    /** A ticket for a signed-in user in their active tenant (the caller has been checked). */
    EventWire.TicketResponse issue(Caller caller) {
        Authentication ticket = Authentication.build(caller.requireUser().value().toString(), Map.of(
                CredentialClaims.TENANT, caller.tenant().toString(),
                PURPOSE_CLAIM, PURPOSE));
        String token = tokens.generateToken(ticket, configuration.ticketSeconds())
                .orElseThrow(() -> new IllegalStateException("JWT generation failed"));
        return new EventWire.TicketResponse(token, Instant.now().plusSeconds(configuration.ticketSeconds()),
                STREAM_PATH + "?" + QUERY_PARAMETER + "=" + token);
    }

    /** Every JWT passes here: tickets only open the stream, and the stream takes only tickets from the URL. */
    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        boolean ticket = PURPOSE.equals(claims.get(PURPOSE_CLAIM));
        boolean streamRequest = request != null && isStreamRequest(request);
        if (ticket) {
            return streamRequest;
        }
        boolean fromQuery = streamRequest && request.getHeaders().getAuthorization().isEmpty();
        return !fromQuery;
    }

    static boolean isStreamRequest(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.GET && STREAM_PATH.equals(request.getPath());
    }
}
