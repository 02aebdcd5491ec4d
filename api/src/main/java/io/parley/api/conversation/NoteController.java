package io.parley.api.conversation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Private notes members leave each other in a conversation. */
@Controller("/api/v1/conversations/{conversationId}/notes")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Conversations")
@ProblemResponses.Authenticated
class NoteController {

    private final NoteService notes;
    private final CallerResolver callers;

    NoteController(NoteService notes, CallerResolver callers) {
        this.notes = notes;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Schema(name = "ConversationNotePage")
    @Operation(operationId = "listConversationNotes", summary = "List a conversation's private notes",
            description = "Oldest first. Notes are for members only: never sent to the contact, never in the bot's "
                    + "context.")
    PageResponse<ConversationWire.NoteResponse> list(
            @PathVariable String conversationId, @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            Authentication authentication, HttpRequest<?> request) {
        return notes.list(callers.resolve(authentication, request), conversationId, cursor, limit);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "createConversationNote", summary = "Write a private note (agent)",
            description = "Stored with the conversation for the team; the contact never gets it and the bot never "
                    + "reads it. Published as conversation.note_created.")
    ConversationWire.NoteResponse create(@PathVariable String conversationId,
                                         @Body @Valid ConversationWire.NoteRequest body,
                                         Authentication authentication, HttpRequest<?> request) {
        return notes.create(callers.resolve(authentication, request), conversationId, body);
    }
}
