package io.parley.api.cannedreply;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The tenant's canned replies for the inbox. */
@Controller("/api/v1/canned-replies")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Conversations")
@ProblemResponses.Authenticated
class CannedReplyController {

    private final CannedReplyService replies;
    private final CallerResolver callers;

    CannedReplyController(CannedReplyService replies, CallerResolver callers) {
        this.replies = replies;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "CannedReplyPage")
    @Operation(operationId = "listCannedReplies", summary = "List canned replies by shortcut",
            description = "Every canned reply of the tenant, ordered by shortcut.")
    PageResponse<CannedReplyWire.CannedReplyResponse> list(
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            Authentication authentication, HttpRequest<?> request) {
        return replies.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.Conflict
    @Operation(operationId = "createCannedReply", summary = "Save a canned reply (agent)",
            description = "A shortcut (unique in the tenant; a leading / is dropped) and its text, in any language. "
                    + "409 when the shortcut is taken.")
    CannedReplyWire.CannedReplyResponse create(@Body @Valid CannedReplyWire.CannedReplyCreate body,
                                               Authentication authentication, HttpRequest<?> request) {
        return replies.create(callers.resolve(authentication, request), body);
    }

    @Get("/{cannedReplyId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getCannedReply", summary = "Get a canned reply", description = "Its shortcut and text.")
    CannedReplyWire.CannedReplyResponse get(@PathVariable String cannedReplyId, Authentication authentication,
                                            HttpRequest<?> request) {
        return replies.get(callers.resolve(authentication, request), cannedReplyId);
    }

    @Patch("/{cannedReplyId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "updateCannedReply", summary = "Change a canned reply (agent)",
            description = "JSON Merge Patch: shortcut and text. 409 when the new shortcut is taken.")
    CannedReplyWire.CannedReplyResponse update(@PathVariable String cannedReplyId,
                                               @Body @Valid CannedReplyWire.CannedReplyPatch body,
                                               Authentication authentication, HttpRequest<?> request) {
        return replies.update(callers.resolve(authentication, request), cannedReplyId, body, MergePatch.of(request));
    }

    @Delete("/{cannedReplyId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteCannedReply", summary = "Delete a canned reply (agent)",
            description = "Replies already sent with it stay as they are.")
    void delete(@PathVariable String cannedReplyId, Authentication authentication, HttpRequest<?> request) {
        replies.delete(callers.resolve(authentication, request), cannedReplyId);
    }
}
