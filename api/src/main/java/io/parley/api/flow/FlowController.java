package io.parley.api.flow;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.context.annotation.Requires;
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
import io.micronaut.http.annotation.Post;
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

/** A bot's keyword/regex/postback/follow/fallback flows, and a dry-run of what a message would trigger. */
@Controller("/api/v1/bots/{botId}/flows")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Flows")
@ProblemResponses.Authenticated
class FlowController {

    private final FlowService flows;
    private final FlowDryRun dryRun;
    private final CallerResolver callers;

    FlowController(FlowService flows, FlowDryRun dryRun, CallerResolver callers) {
        this.flows = flows;
        this.dryRun = dryRun;
        this.callers = callers;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "createFlow", summary = "Create a flow (admin)",
            description = "400 lists every invalid field, e.g. "
            + "`trigger.pattern` or `steps[2].buttons`. 409 when the bot already has 200 flows.")
    FlowWire.FlowResponse create(@PathVariable String botId, @Body @Valid FlowWire.FlowRequest body,
                                 Authentication authentication, HttpRequest<?> request) {
        return flows.create(callers.resolve(authentication, request), botId, body);
    }

    @Get
    @ProblemResponses.NotFound
    @Schema(name = "FlowPage")
    @Operation(operationId = "listFlows", summary = "List a bot's flows in match order",
            description = "Priority descending, then oldest first: the order the matcher tries them. A bot has at "
                    + "most 200 flows, all returned in one page (`nextCursor` is always null).")
    PageResponse<FlowWire.FlowResponse> list(@PathVariable String botId, Authentication authentication,
                                             HttpRequest<?> request) {
        return flows.list(callers.resolve(authentication, request), botId);
    }

    @Get("/{flowId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getFlow", summary = "Get a flow",
            description = "One flow with its trigger and steps.")
    FlowWire.FlowResponse get(@PathVariable String botId, @PathVariable String flowId,
                              Authentication authentication, HttpRequest<?> request) {
        return flows.get(callers.resolve(authentication, request), botId, flowId);
    }

    @Patch("/{flowId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "updateFlow", summary = "Change a flow (admin)", description = "A JSON Merge Patch (RFC 7396): "
            + "members left out keep their value; `trigger` merges member by member (null removes one) unless its "
            + "`type` changes, then it is replaced; `steps`, a list, is replaced whole.")
    FlowWire.FlowResponse update(@PathVariable String botId, @PathVariable String flowId,
                                 @Body @Valid FlowWire.FlowRequest body, Authentication authentication,
                                 HttpRequest<?> request) {
        return flows.update(callers.resolve(authentication, request), botId, flowId, body, MergePatch.of(request));
    }

    @Delete("/{flowId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteFlow", summary = "Delete a flow (admin)",
            description = "The bot stops matching it at once.")
    void delete(@PathVariable String botId, @PathVariable String flowId, Authentication authentication,
                HttpRequest<?> request) {
        flows.delete(callers.resolve(authentication, request), botId, flowId);
    }

    @Post("/dry-run")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "dryRunFlows", summary = "Dry-run: which flow answers a message, and exactly what it would send (any member)",
            description = "Uses the same matcher as the message pipeline. Nothing is sent or stored. With no "
                    + "matching flow, `matched` is null and `then` is `llm` (a follow event gets the bot's welcome "
                    + "message instead). Placeholders are rendered for the sample `contact`. With `waiting`, the "
                    + "message first answers that question: `answer` says whether it was captured, asked again or "
                    + "ended the flow.")
    FlowDryRunWire.DryRunResponse dryRun(@PathVariable String botId, @Body @Valid FlowDryRunWire.DryRunRequest body,
                                   Authentication authentication, HttpRequest<?> request) {
        return dryRun.run(callers.resolve(authentication, request), botId, body);
    }
}
