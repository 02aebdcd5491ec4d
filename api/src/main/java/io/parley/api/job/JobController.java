package io.parley.api.job;

import io.swagger.v3.oas.annotations.media.Schema;
import io.parley.api.page.Cursor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Background jobs of the tenant (admin): what is waiting, what failed and why; retry a discarded one. */
@Controller("/api/v1/jobs")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Jobs")
@ProblemResponses.Authenticated
class JobController {

    private final JobService jobs;
    private final CallerResolver callers;

    JobController(JobService jobs, CallerResolver callers) {
        this.jobs = jobs;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "JobPage")
    @Operation(operationId = "listJobs", summary = "List jobs, newest first (admin)",
            description = "Background jobs of the tenant, e.g. to find discarded ones after an outage.")
    PageResponse<JobWire.JobResponse> list(
            @Nullable @QueryValue @Parameter(description = "available, running, retryable, completed, discarded or "
                    + "cancelled") String state,
            @Nullable @QueryValue @Parameter(description = "e.g. inbound.turn") String kind,
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            Authentication authentication, HttpRequest<?> request) {
        return jobs.list(callers.resolve(authentication, request), state, kind, cursor, limit);
    }

    @Post("/{jobId}/retry")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "retryJob", summary = "Run a discarded or cancelled job again (admin)",
            description = "The job becomes available at once with its attempts reset; its error history stays. "
                    + "409 for a job in any other state.")
    JobWire.JobResponse retry(@PathVariable String jobId, Authentication authentication, HttpRequest<?> request) {
        return jobs.retry(callers.resolve(authentication, request), jobId);
    }
}
