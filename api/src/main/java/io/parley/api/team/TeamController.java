package io.parley.api.team;

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

/** The tenant's teams, which conversations can be assigned to (docs/api/teams.md). */
@Controller("/api/v1/teams")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Conversations")
@ProblemResponses.Authenticated
class TeamController {

    private final TeamService teams;
    private final CallerResolver callers;

    TeamController(TeamService teams, CallerResolver callers) {
        this.teams = teams;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "TeamPage")
    @Operation(operationId = "listTeams", summary = "List teams by name (agent)",
            description = "Every team of the tenant with its members, ordered by name.")
    PageResponse<TeamWire.TeamResponse> list(
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            Authentication authentication, HttpRequest<?> request) {
        return teams.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.Conflict
    @Operation(operationId = "createTeam", summary = "Create a team (admin)",
            description = "A name (unique in the tenant whatever the letter case) and the members who answer for "
                    + "it. 409 when the name is taken.")
    TeamWire.TeamResponse create(@Body @Valid TeamWire.TeamCreate body, Authentication authentication,
                                 HttpRequest<?> request) {
        return teams.create(callers.resolve(authentication, request), body);
    }

    @Get("/{teamId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getTeam", summary = "Get a team (agent)", description = "Its name and members.")
    TeamWire.TeamResponse get(@PathVariable String teamId, Authentication authentication, HttpRequest<?> request) {
        return teams.get(callers.resolve(authentication, request), teamId);
    }

    @Patch("/{teamId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "updateTeam", summary = "Rename a team or change its members (admin)",
            description = "JSON Merge Patch: name, and memberIds (the whole new set). 409 when the new name is "
                    + "taken.")
    TeamWire.TeamResponse update(@PathVariable String teamId, @Body @Valid TeamWire.TeamPatch body,
                                 Authentication authentication, HttpRequest<?> request) {
        return teams.update(callers.resolve(authentication, request), teamId, body, MergePatch.of(request));
    }

    @Delete("/{teamId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteTeam", summary = "Delete a team (admin)",
            description = "Its members stay in the workspace.")
    void delete(@PathVariable String teamId, Authentication authentication, HttpRequest<?> request) {
        teams.delete(callers.resolve(authentication, request), teamId);
    }
}
