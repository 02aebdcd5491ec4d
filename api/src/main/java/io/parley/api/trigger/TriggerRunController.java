package io.parley.api.trigger;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
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

/** The audit of a proactive flow: every run of its trigger, newest first. */
@Controller("/api/v1/bots/{botId}/flows/{flowId}/runs")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Flows")
@ProblemResponses.Authenticated
class TriggerRunController {

    private final TriggerRunService runs;
    private final CallerResolver callers;

    TriggerRunController(TriggerRunService runs, CallerResolver callers) {
        this.runs = runs;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Schema(name = "TriggerRunPage")
    @Operation(operationId = "listFlowRuns", summary = "List a proactive flow's runs, newest first (any member)",
            description = "One run per contact and occurrence of the flow's setup_submitted, contact_created, "
                    + "inactive or schedule trigger, with its status, the reason it was skipped or failed, and the "
                    + "delivery of its first message. Empty for flows that answer messages.")
    PageResponse<TriggerRunWire.TriggerRunResponse> list(
            @PathVariable String botId, @PathVariable String flowId,
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            Authentication authentication, HttpRequest<?> request) {
        return runs.list(callers.resolve(authentication, request), botId, flowId, cursor, limit);
    }
}
