package io.parley.api.segment;

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

/** Saved audiences for broadcasts, with a live count and sample. */
@Controller("/api/v1/segments")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Segments")
@ProblemResponses.Authenticated
class SegmentController {

    private final SegmentService segments;
    private final CallerResolver callers;

    SegmentController(SegmentService segments, CallerResolver callers) {
        this.segments = segments;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "SegmentPage")
    @Operation(operationId = "listSegments", summary = "List segments, newest first",
            description = "Every saved segment of the tenant.")
    PageResponse<SegmentWire.SegmentResponse> list(@Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                                   @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                                   Authentication authentication, HttpRequest<?> request) {
        return segments.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @Operation(operationId = "createSegment", summary = "Save a segment (admin)",
            description = "A name and a definition; who is in it is worked out whenever it is used.")
    SegmentWire.SegmentResponse create(@Body @Valid SegmentWire.SegmentCreate body, Authentication authentication,
                                       HttpRequest<?> request) {
        return segments.create(callers.resolve(authentication, request), body);
    }

    @Post("/preview")
    @ProblemResponses.JsonBody
    @Operation(operationId = "previewSegment", summary = "Count and sample an unsaved definition",
            description = "The live count (matching, reachable) and the newest 10 contacts, for a segment builder.")
    SegmentWire.Preview preview(@Body @Valid SegmentWire.PreviewRequest body, Authentication authentication,
                                HttpRequest<?> request) {
        return segments.preview(callers.resolve(authentication, request), body.definition());
    }

    @Get("/{segmentId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getSegment", summary = "Get a segment", description = "The segment's definition.")
    SegmentWire.SegmentResponse get(@PathVariable String segmentId, Authentication authentication,
                                    HttpRequest<?> request) {
        return segments.get(callers.resolve(authentication, request), segmentId);
    }

    @Get("/{segmentId}/preview")
    @ProblemResponses.NotFound
    @Operation(operationId = "previewSavedSegment", summary = "Count and sample a saved segment",
            description = "Who is in the segment now: matching, reachable and the newest 10 contacts.")
    SegmentWire.Preview previewSaved(@PathVariable String segmentId, Authentication authentication,
                                     HttpRequest<?> request) {
        return segments.previewSaved(callers.resolve(authentication, request), segmentId);
    }

    @Patch("/{segmentId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "updateSegment", summary = "Change a segment (admin)",
            description = "JSON Merge Patch: name, and definition (replaced whole).")
    SegmentWire.SegmentResponse update(@PathVariable String segmentId, @Body @Valid SegmentWire.SegmentPatch body,
                                       Authentication authentication, HttpRequest<?> request) {
        return segments.update(callers.resolve(authentication, request), segmentId, body, MergePatch.of(request));
    }

    @Delete("/{segmentId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteSegment", summary = "Delete a segment (admin)",
            description = "Broadcasts already planned from it keep their recipients.")
    void delete(@PathVariable String segmentId, Authentication authentication, HttpRequest<?> request) {
        segments.delete(callers.resolve(authentication, request), segmentId);
    }
}
