package io.parley.api.conversation;

import io.swagger.v3.oas.annotations.media.Schema;
import io.parley.api.page.Cursor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The inbox: conversations, marking them read, human takeover, status and assignment. */
@Controller("/api/v1/conversations")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Conversations")
@ProblemResponses.Authenticated
class ConversationController {

    private final ConversationService conversations;
    private final TakeoverService takeovers;
    private final ConversationUpdates updates;
    private final CallerResolver callers;

    ConversationController(ConversationService conversations, TakeoverService takeovers,
                           ConversationUpdates updates, CallerResolver callers) {
        this.conversations = conversations;
        this.updates = updates;
        this.takeovers = takeovers;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "ConversationPage")
    @Operation(operationId = "listConversations", summary = "List conversations, latest activity first",
            description = "Ordered by the last message's time (a conversation without messages by its creation), "
                    + "newest first. Filters combine with AND. A conversation that gets a message while you page "
                    + "moves to the top of the list and is not repeated on later pages.")
    PageResponse<ConversationWire.ConversationResponse> list(
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            @Nullable @QueryValue @Parameter(description = "Only this bot's conversations") String botId,
            @Nullable @QueryValue @Parameter(description = "Only this channel's conversations") String channelId,
            @Nullable @QueryValue @Parameter(description = "Only this contact's conversations") String contactId,
            @Nullable @QueryValue @Parameter(description = "open, waiting (needs a person) or resolved; closed is "
                    + "read as resolved", example = "waiting") String status,
            @Nullable @QueryValue @Parameter(description = "true: only conversations with unread messages; false: "
                    + "only those without") Boolean unread,
            @Nullable @QueryValue @Parameter(description = "true: only conversations a person has taken over (the "
                    + "bot is paused); false: only those the bot answers") Boolean takenOver,
            @Nullable @QueryValue @Parameter(description = "me (assigned to you), none (unassigned) or a member's "
                    + "user id", example = "me") String assignee,
            @Nullable @QueryValue @Parameter(description = "mine (assigned to a team you belong to) or a team's id",
                    example = "mine") String team,
            @Nullable @QueryValue @Parameter(description = "Text in the contact's name or in any message of the "
                    + "conversation (case-insensitive, Chinese found inside sentences); up to 200 characters",
                    example = "營業時間") String q,
            @Nullable @QueryValue @Parameter(description = "Only conversations whose contact has this tier",
                    example = "premium") String tier,
            Authentication authentication, HttpRequest<?> request) {
        return conversations.list(callers.resolve(authentication, request),
                new ConversationService.InboxFilter(botId, channelId, contactId, status, unread,
                        takenOver, assignee, team, q, tier), cursor, limit);
    }

    @Get("/counts")
    @Operation(operationId = "getInboxCounts", summary = "How many conversations need a person",
            description = "Counts of conversations with status waiting: all, assigned to you, unassigned. The "
                    + "dashboard's nav badge and tab title.")
    ConversationWire.CountsResponse counts(Authentication authentication, HttpRequest<?> request) {
        return updates.counts(callers.resolve(authentication, request));
    }

    @Patch("/{conversationId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "updateConversation", summary = "Resolve, reopen or assign a conversation (agent)",
            description = "JSON Merge Patch: `status` (open, waiting or resolved; resolving hands the conversation "
                    + "back to the bot, and the contact's next message reopens it) and `assigneeId` (a member who "
                    + "can answer: owner, admin or agent; null unassigns) and `teamId` (a team; the assignee must "
                    + "then be one of its members). Audited as conversation.status_changed, conversation.assigned "
                    + "and conversation.team_assigned; published as conversation.updated.")
    ConversationWire.ConversationResponse update(@PathVariable String conversationId,
                                                 @Body ConversationWire.ConversationPatch body,
                                                 Authentication authentication, HttpRequest<?> request) {
        return updates.update(callers.resolve(authentication, request), conversationId, body,
                MergePatch.of(request));
    }

    @Get("/{conversationId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getConversation", summary = "Get a conversation",
            description = "The conversation with its bot, channel, contact, state and last message.")
    ConversationWire.ConversationResponse get(@PathVariable String conversationId, Authentication authentication,
                                              HttpRequest<?> request) {
        return conversations.get(callers.resolve(authentication, request), conversationId);
    }

    @Post("/{conversationId}/read")
    @ProblemResponses.NotFound
    @Operation(operationId = "markConversationRead", summary = "Mark a conversation read (agent)",
            description = "Sets its unread count to 0 for every member (the count belongs to the conversation).")
    ConversationWire.ConversationResponse read(@PathVariable String conversationId, Authentication authentication,
                                               HttpRequest<?> request) {
        return conversations.markRead(callers.resolve(authentication, request), conversationId);
    }

    @Post("/{conversationId}/takeover")
    @ProblemResponses.NotFound
    @Operation(operationId = "takeOverConversation", summary = "Take a conversation over from the bot (agent)",
            description = "The bot stays silent in this conversation until it is released; the contact's messages "
                    + "are still stored and shown. Taking over a conversation another agent holds moves it to you. "
                    + "Audited as conversation.taken_over.")
    ConversationWire.ConversationResponse takeOver(@PathVariable String conversationId,
                                                   Authentication authentication, HttpRequest<?> request) {
        return takeovers.takeOver(callers.resolve(authentication, request), conversationId);
    }

    @Post("/{conversationId}/release")
    @ProblemResponses.NotFound
    @Operation(operationId = "releaseConversation", summary = "Hand a conversation back to the bot (agent)",
            description = "The bot answers the contact's next message. Audited as conversation.released.")
    ConversationWire.ConversationResponse release(@PathVariable String conversationId,
                                                  Authentication authentication, HttpRequest<?> request) {
        return takeovers.release(callers.resolve(authentication, request), conversationId);
    }
}
