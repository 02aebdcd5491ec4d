package io.parley.api.broadcast;

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

/** Broadcasts: a message to a segment on one or more channels, now or scheduled (docs/broadcasts.md). */
@Controller("/api/v1/broadcasts")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Broadcasts")
@ProblemResponses.Authenticated
class BroadcastController {

    private final BroadcastService broadcasts;
    private final BroadcastEstimates estimates;
    private final CallerResolver callers;

    BroadcastController(BroadcastService broadcasts, BroadcastEstimates estimates, CallerResolver callers) {
        this.broadcasts = broadcasts;
        this.estimates = estimates;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "BroadcastPage")
    @Operation(operationId = "listBroadcasts", summary = "List broadcasts, newest first",
            description = "Every broadcast of the tenant with its state and stats.")
    PageResponse<BroadcastWire.BroadcastResponse> list(
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            Authentication authentication, HttpRequest<?> request) {
        return broadcasts.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "createBroadcast", summary = "Create a draft broadcast (admin)",
            description = "A message to a segment on LINE, WhatsApp or Telegram channels; nothing is sent until "
                    + "POST /{broadcastId}/send. 404 when the segment or a channel is not the tenant's.")
    BroadcastWire.BroadcastResponse create(@Body @Valid BroadcastWire.BroadcastCreate body,
                                           Authentication authentication, HttpRequest<?> request) {
        return broadcasts.create(callers.resolve(authentication, request), body);
    }

    @Post("/estimate")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "estimateBroadcast", summary = "Estimate a broadcast's reach and cost (admin)",
            description = "Before sending: the contacts of the segment it would reach now on each channel (after "
                    + "opt-outs), the WhatsApp cost by template category × recipients (prices from the operator's "
                    + "configuration), and each LINE channel's monthly quota left, as LINE reports it. Nothing is "
                    + "stored. 404 when the segment or a channel is not the tenant's.")
    EstimateWire.Estimate estimate(@Body @Valid EstimateWire.Request body, Authentication authentication,
                                   HttpRequest<?> request) {
        return estimates.estimate(callers.resolve(authentication, request), body);
    }

    @Get("/{broadcastId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getBroadcast", summary = "Get a broadcast",
            description = "Its state, the reason it was paused, and its stats (recipients per status, progress).")
    BroadcastWire.BroadcastResponse get(@PathVariable String broadcastId, Authentication authentication,
                                        HttpRequest<?> request) {
        return broadcasts.get(callers.resolve(authentication, request), broadcastId);
    }

    @Post("/{broadcastId}/send")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.PlanLimit
    @Operation(operationId = "sendBroadcast", summary = "Send or schedule a draft (admin)",
            description = "Plans the recipients (opted-out contacts are left out and counted), checks the plan's "
                    + "monthly quota of broadcast recipients (402) and starts now or at scheduledAt. 409 when the "
                    + "broadcast is not a draft, its segment was deleted, or it would send more messages on a LINE "
                    + "channel than the channel's monthly quota has left.")
    BroadcastWire.BroadcastResponse send(@PathVariable String broadcastId, @Body @Valid BroadcastWire.SendRequest body,
                                         Authentication authentication, HttpRequest<?> request) {
        return broadcasts.send(callers.resolve(authentication, request), broadcastId, body.scheduledAt());
    }

    @Post("/{broadcastId}/pause")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "pauseBroadcast", summary = "Pause a scheduled or running broadcast (admin)",
            description = "Sending stops after the requests already in flight. 409 in any other state.")
    BroadcastWire.BroadcastResponse pause(@PathVariable String broadcastId, Authentication authentication,
                                          HttpRequest<?> request) {
        return broadcasts.pause(callers.resolve(authentication, request), broadcastId);
    }

    @Post("/{broadcastId}/resume")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "resumeBroadcast", summary = "Resume a paused broadcast (admin)",
            description = "Goes on with the recipients still queued (or waits for its scheduled time). 409 unless "
                    + "paused.")
    BroadcastWire.BroadcastResponse resume(@PathVariable String broadcastId, Authentication authentication,
                                           HttpRequest<?> request) {
        return broadcasts.resume(callers.resolve(authentication, request), broadcastId);
    }

    @Post("/{broadcastId}/cancel")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "cancelBroadcast", summary = "Cancel a broadcast (admin)",
            description = "Queued recipients are cancelled; sent ones stay sent. 409 when completed or cancelled.")
    BroadcastWire.BroadcastResponse cancel(@PathVariable String broadcastId, Authentication authentication,
                                           HttpRequest<?> request) {
        return broadcasts.cancel(callers.resolve(authentication, request), broadcastId);
    }

    @Post("/{broadcastId}/retry-failed")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "retryFailedBroadcastRecipients", summary = "Send to failed recipients again (admin)",
            description = "Failed recipients are queued again, except those an earlier request may have reached "
                    + "(\"may have arrived\"). 409 for a draft, scheduled or cancelled broadcast.")
    BroadcastWire.BroadcastResponse retryFailed(@PathVariable String broadcastId, Authentication authentication,
                                                HttpRequest<?> request) {
        return broadcasts.retryFailed(callers.resolve(authentication, request), broadcastId);
    }

    @Get("/{broadcastId}/recipients")
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Schema(name = "BroadcastRecipientPage")
    @Operation(operationId = "listBroadcastRecipients", summary = "List a broadcast's recipients",
            description = "In planning order, optionally of one status (queued, sending, sent, delivered, read, "
                    + "failed, cancelled).")
    PageResponse<BroadcastWire.Recipient> recipients(
            @PathVariable String broadcastId, @Nullable @QueryValue String status,
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            Authentication authentication, HttpRequest<?> request) {
        return broadcasts.recipients(callers.resolve(authentication, request), broadcastId, status, cursor, limit);
    }
}
