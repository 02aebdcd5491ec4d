package io.parley.api.events;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.tenancy.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;

/** The live stream of the caller's tenant events (docs/api/inbox.md). */
@Controller(StreamTickets.STREAM_PATH)
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Events")
@ProblemResponses.Authenticated
class EventController {

    private static final String STREAM_EXAMPLE = """
            : connected

            id: 41
            event: conversation.takeover
            data: {"conversationId":"01934f6e-8a1b-7c2d-9e3f-4a5b6c7d8e9f","takenOverBy":"01934f6e-2222-7c2d-9e3f-4a5b6c7d8e9f"}

            : keep-alive

            """;

    private final EventHub hub;
    private final StreamTickets tickets;
    private final CallerResolver callers;

    EventController(EventHub hub, StreamTickets tickets, CallerResolver callers) {
        this.hub = hub;
        this.tickets = tickets;
        this.callers = callers;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @Operation(operationId = "streamEvents", summary = "Live tenant events (Server-Sent Events)",
            description = "Every member's stream of their tenant's events: `event:` is the type (e.g. "
                    + "conversation.takeover, message.created), `data:` a small JSON object of ids, `id:` a "
                    + "sequence number of this server process. Comment lines keep the connection open about every "
                    + "20 s. Missed events are not replayed (Last-Event-ID is ignored): after a reconnect, or an "
                    + "event `resync`, refetch what you show. The server closes a stream after 15 minutes and a "
                    + "client that reads too slowly; reconnect. Authenticate with the Authorization header (JWT or "
                    + "API key) or, from a browser's EventSource, with `?ticket=` from POST /api/v1/events/ticket.")
    @ApiResponse(responseCode = "200", description = "An endless text/event-stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM,
                    schema = @Schema(type = "string", example = STREAM_EXAMPLE)))
    HttpResponse<Publisher<Event<String>>> stream(
            @Nullable @QueryValue @Parameter(description = "A stream ticket, for clients that cannot send headers "
                    + "(read by the security layer; access tokens are refused here)") String ticket,
            Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        Publisher<Event<String>> events = hub.subscribe(caller.requireTenant(Role.VIEWER));
        // Proxies (nginx) buffer responses by default, which would hold events back.
        return HttpResponse.ok(events).header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
    }

    @Post("/ticket")
    @Operation(operationId = "createEventTicket", summary = "Get a stream ticket for EventSource",
            description = "A one-minute ticket that opens GET /api/v1/events?ticket=… for the signed-in user in "
                    + "their active tenant. Users only: API keys send the Authorization header on the stream.")
    EventWire.TicketResponse ticket(Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        caller.requireTenant(Role.VIEWER);
        return tickets.issue(caller);
    }
}
