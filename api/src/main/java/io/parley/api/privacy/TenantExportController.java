package io.parley.api.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.audit.AuditLog;
import io.parley.core.privacy.TenantExportHandler;
import io.parley.core.privacy.TenantExportRepository;
import io.parley.core.privacy.TenantExportRow;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Exporting everything a tenant stores (docs/privacy.md "Exporting a tenant"): owners and admins. */
@Controller("/api/v1/tenant/exports")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Tenant")
@ProblemResponses.Authenticated
class TenantExportController {

    private final CallerResolver callers;
    private final TenantScope scope;
    private final TenantExportRepository exports;
    private final JobQueue queue;
    private final AuditLog audit;

    TenantExportController(CallerResolver callers, TenantScope scope, TenantExportRepository exports, JobQueue queue,
                           AuditLog audit) {
        this.callers = callers;
        this.scope = scope;
        this.exports = exports;
        this.queue = queue;
        this.audit = audit;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    @Operation(operationId = "requestTenantExport", summary = "Export everything the tenant stores (admin)",
            description = "A job builds one JSON document: every table's rows of the tenant, without secrets. Poll "
                    + "`getTenantExport` until `ready`, then download it. Audited as tenant.export_requested.")
    TenantExport request(Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        UUID id = Ids.next();
        return scope.write(tenant, () -> {
            exports.insert(tenant.value(), id, caller.user() == null ? null : caller.user().value());
            queue.enqueue(tenant, TenantExportHandler.job(id));
            audit.record(tenant, caller.actor(), "tenant.export_requested", "tenant_export", id.toString(), Map.of());
            return TenantExport.of(exports.find(tenant.value(), id).orElseThrow());
        });
    }

    @Get("/{exportId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getTenantExport", summary = "A tenant export's status (admin)",
            description = "`pending` while its job runs, then `ready`.")
    TenantExport get(@PathVariable String exportId, Authentication authentication, HttpRequest<?> request) {
        TenantId tenant = callers.resolve(authentication, request).requireTenant(Role.ADMIN);
        return scope.read(tenant, () -> TenantExport.of(find(tenant, exportId)));
    }

    @Get("/{exportId}/download")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ApiResponse(responseCode = "200", description = "The export: {\"tenant\": {...}, \"<table>\": [rows...]}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @Operation(operationId = "downloadTenantExport", summary = "Download a ready tenant export (admin)",
            description = "409 while it is pending. Audited as tenant.export_downloaded.")
    HttpResponse<String> download(@PathVariable String exportId, Authentication authentication,
                                  HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        String document = scope.write(tenant, () -> {
            TenantExportRow row = find(tenant, exportId);
            String found = exports.document(tenant.value(), row.id())
                    .orElseThrow(() -> ProblemException.conflict("The export is not ready yet."));
            audit.record(tenant, caller.actor(), "tenant.export_downloaded", "tenant_export", exportId, Map.of());
            return found;
        });
        return HttpResponse.ok(document).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parley-export-" + exportId + ".json\"");
    }

    private TenantExportRow find(TenantId tenant, String exportId) {
        return Ids.parse(exportId).flatMap(id -> exports.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Export"));
    }

    @Serdeable
    @Schema(name = "TenantExport")
    record TenantExport(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"pending", "ready"})
                        String status,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                        @Nullable Instant readyAt) {

        static TenantExport of(TenantExportRow row) {
            return new TenantExport(row.id().toString(), row.status(), row.createdAt(), row.readyAt());
        }
    }
}
