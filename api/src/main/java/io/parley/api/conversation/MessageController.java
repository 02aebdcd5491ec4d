package io.parley.api.conversation;

import io.parley.api.page.Cursor;
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
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A conversation's messages, and agents' replies. */
@Controller("/api/v1/conversations/{conversationId}/messages")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Conversations")
@ProblemResponses.Authenticated
class MessageController {

    private final MessageService messages;
    private final CallerResolver callers;

    MessageController(MessageService messages, CallerResolver callers) {
        this.messages = messages;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Schema(name = "MessagePage")
    @Operation(operationId = "listMessages", summary = "List a conversation's messages",
            description = "`direction=backward` (default): the newest page first, newest message first; pass "
                    + "`nextCursor` back for older messages. `direction=forward`: oldest first, from the start or "
                    + "from the position of a cursor (any cursor of this conversation's messages, from either "
                    + "direction). To catch up after a live event, fetch the newest page again.")
    PageResponse<ConversationWire.MessageResponse> list(
            @PathVariable String conversationId, @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            @Nullable @QueryValue @Parameter(description = "backward (default) or forward",
                    schema = @Schema(type = "string", allowableValues = {"backward", "forward"})) String direction,
            Authentication authentication, HttpRequest<?> request) {
        return messages.list(callers.resolve(authentication, request), conversationId, cursor, limit, direction);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "sendMessage", summary = "Reply as an agent (agent)",
            description = "Stores the message (status queued) and queues it for sending through the same path as "
                    + "the bot's replies, in order with them; its status then moves to sent, delivered, read or "
                    + "failed (watch message events on GET /api/v1/events). Replying takes the conversation over "
                    + "(pauses the bot, audited) unless `keepBotActive` is true or it is already taken over. 409 "
                    + "when the contact is no longer known on the channel.")
    ConversationWire.MessageResponse send(@PathVariable String conversationId,
                                          @Body @Valid ConversationWire.SendRequest body,
                                          Authentication authentication, HttpRequest<?> request) {
        return messages.send(callers.resolve(authentication, request), conversationId, body);
    }

    @Post("/{messageId}/retry")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "retryMessage", summary = "Send a failed message again (agent)",
            description = "For an outbound message whose status is failed (the bot's or an agent's): it becomes "
                    + "queued again, its statusDetail is cleared, and it is sent through the same path and order as "
                    + "the conversation's other replies. 409 unless the message failed (or when the contact is no "
                    + "longer known on the channel); 404 for a message of another conversation or an inbound one.")
    ConversationWire.MessageResponse retry(@PathVariable String conversationId, @PathVariable String messageId,
                                           Authentication authentication, HttpRequest<?> request) {
        return messages.retry(callers.resolve(authentication, request), conversationId, messageId);
    }
}
