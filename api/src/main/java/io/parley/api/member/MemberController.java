package io.parley.api.member;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.parley.api.page.Cursor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
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
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Members of the active tenant. */
@Controller("/api/v1/members")
@Requires(property = "parley.roles", pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Members")
@ProblemResponses.Authenticated
class MemberController {

    private final MemberService members;
    private final CallerResolver callers;

    MemberController(MemberService members, CallerResolver callers) {
        this.members = members;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "MemberPage")
    @Operation(operationId = "listMembers", summary = "List members",
            description = "Every member of the active tenant with their role.")
    PageResponse<MemberWire.MemberResponse> list(@Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                                 @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                                 Authentication authentication, HttpRequest<?> request) {
        return members.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Get("/{userId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getMember", summary = "Get a member",
            description = "One member of the active tenant with their role.")
    MemberWire.MemberResponse get(@PathVariable String userId, Authentication authentication, HttpRequest<?> request) {
        return members.get(callers.resolve(authentication, request), userId);
    }

    @Patch("/{userId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "updateMember", summary = "Change a member's role (admin; owner role by owners only)",
            description = "409 when the change would leave the tenant without an owner.")
    MemberWire.MemberResponse changeRole(@PathVariable String userId, @Body @Valid MemberWire.ChangeRole body,
                                         Authentication authentication, HttpRequest<?> request) {
        return members.changeRole(callers.resolve(authentication, request), userId, body.role(), MergePatch.of(request));
    }

    @Delete("/{userId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "removeMember", summary = "Remove a member, or leave the tenant (your own user id)",
            description = "The last owner cannot be removed.")
    void remove(@PathVariable String userId, Authentication authentication, HttpRequest<?> request) {
        members.remove(callers.resolve(authentication, request), userId);
    }
}
