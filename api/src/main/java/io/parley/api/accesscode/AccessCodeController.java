package io.parley.api.accesscode;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A bot's access codes: batches generated (JSON or CSV), listed, looked up by text, revoked. */
@Controller("/api/v1/bots/{botId}/access-codes")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Access codes")
@ProblemResponses.Authenticated
class AccessCodeController {

    static final String CSV = "text/csv";

    private final AccessCodeService codes;
    private final CallerResolver callers;

    AccessCodeController(AccessCodeService codes, CallerResolver callers) {
        this.codes = codes;
        this.callers = callers;
    }

    @Post("/batches")
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "createAccessCodeBatch", summary = "Generate a batch of access codes (admin)",
            description = "The codes are in this answer only: only their hashes are stored. Redeemed in chat by an "
                    + "`ask` step with input `access_code`; see docs/flows.md.")
    AccessCodeWire.BatchCreated create(@PathVariable String botId, @Body @Valid AccessCodeWire.BatchRequest body,
                                       Authentication authentication, HttpRequest<?> request) {
        return codes.create(callers.resolve(authentication, request), botId, body);
    }

    @Post("/batches/csv")
    @Produces(CSV)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "createAccessCodeBatchCsv", summary = "Generate a batch of access codes as CSV (admin)",
            description = "The same as createAccessCodeBatch, answered as a CSV download (`code,batch,maxUses,"
                    + "expiresAt`); the batch id is in the `Location` header.",
            responses = @ApiResponse(responseCode = "201", description = "The codes as CSV",
                    content = @Content(mediaType = CSV, schema = @Schema(type = "string"))))
    HttpResponse<String> createCsv(@PathVariable String botId, @Body @Valid AccessCodeWire.BatchRequest body,
                                   Authentication authentication, HttpRequest<?> request) {
        AccessCodeWire.BatchCreated created = codes.create(callers.resolve(authentication, request), botId, body);
        return HttpResponse.<String>status(HttpStatus.CREATED).body(AccessCodeCsv.of(created))
                .contentType(CSV + "; charset=utf-8")
                .header(HttpHeaders.LOCATION, "/api/v1/bots/" + created.batch().botId() + "/access-codes/batches/"
                        + created.batch().id())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-codes-"
                        + created.batch().id() + ".csv\"");
    }

    @Get("/batches")
    @ProblemResponses.NotFound
    @Schema(name = "AccessCodeBatchPage")
    @Operation(operationId = "listAccessCodeBatches", summary = "List a bot's access-code batches (newest first)",
            description = "Each batch with its rules, grants and redemptions so far; never the codes.")
    PageResponse<AccessCodeWire.Batch> batches(@PathVariable String botId,
                                               @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                               @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                               Authentication authentication, HttpRequest<?> request) {
        return codes.batches(callers.resolve(authentication, request), botId, cursor, limit);
    }

    @Get("/batches/{batchId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getAccessCodeBatch", summary = "Get an access-code batch",
            description = "The batch with its rules, grants and redemptions so far.")
    AccessCodeWire.Batch batch(@PathVariable String botId, @PathVariable String batchId,
                               Authentication authentication, HttpRequest<?> request) {
        return codes.batch(callers.resolve(authentication, request), botId, batchId);
    }

    @Get("/batches/{batchId}/codes")
    @ProblemResponses.NotFound
    @Schema(name = "AccessCodePage")
    @Operation(operationId = "listAccessCodes", summary = "List a batch's codes (oldest first)",
            description = "Uses and status of each code; the code texts are not stored and never shown again.")
    PageResponse<AccessCodeWire.Code> codes(@PathVariable String botId, @PathVariable String batchId,
                                            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                            Authentication authentication, HttpRequest<?> request) {
        return codes.codes(callers.resolve(authentication, request), botId, batchId, cursor, limit);
    }

    @Post("/lookup")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "lookUpAccessCode", summary = "Find a code by its text (any member)",
            description = "The code's uses and status, e.g. to revoke a code that was passed around. The code "
                    + "goes in the body, never in the URL, so it stays out of access logs.")
    AccessCodeWire.Code lookup(@PathVariable String botId, @Body @Valid AccessCodeWire.Lookup body,
                               Authentication authentication, HttpRequest<?> request) {
        return codes.lookup(callers.resolve(authentication, request), botId, body);
    }

    @Delete("/batches/{batchId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "revokeAccessCodeBatch", summary = "Revoke every code of a batch (admin)",
            description = "The codes are refused from now on, and contacts who redeemed them no longer pass "
                    + "`contact.accessCode` conditions. The batch stays listed.")
    void revokeBatch(@PathVariable String botId, @PathVariable String batchId, Authentication authentication,
                     HttpRequest<?> request) {
        codes.revokeBatch(callers.resolve(authentication, request), botId, batchId);
    }

    @Delete("/{codeId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "revokeAccessCode", summary = "Revoke one access code (admin)",
            description = "It is refused from now on, and contacts who redeemed it no longer pass "
                    + "`contact.accessCode` conditions.")
    void revokeCode(@PathVariable String botId, @PathVariable String codeId, Authentication authentication,
                    HttpRequest<?> request) {
        codes.revokeCode(callers.resolve(authentication, request), botId, codeId);
    }
}
