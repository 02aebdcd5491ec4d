package io.parley.api.events;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/events. */
final class EventWire {

    private EventWire() {
    }

    @Serdeable
    @Schema(name = "EventStreamTicket", description = "Opens GET /api/v1/events within a minute of being issued")
    record TicketResponse(
            @Schema(requiredMode = REQUIRED, description = "Pass as ?ticket= on GET /api/v1/events",
                    example = "eyJhbGciOiJIUzI1NiJ9.eyJwdXJwb3NlIjoiZXZlbnQtc3RyZWFtIn0.c2ln") String ticket,
            @Schema(requiredMode = REQUIRED) Instant expiresAt,
            @Schema(requiredMode = REQUIRED, description = "The stream's path with the ticket, for new EventSource()",
                    example = "/api/v1/events?ticket=eyJhbGciOiJIUzI1NiJ9.eyJwdXJwb3NlIjoiZXZlbnQtc3RyZWFtIn0.c2ln")
            String url) {

        @Override
        public String toString() {
            return "TicketResponse[expiresAt=" + expiresAt + "]";
        }
    }
}
