package io.parley.api.audit;

import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.parley.http.problem.ProblemException;
import io.parley.core.audit.AuditEntryRow;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The tenant's audit log (admin): who changed members, roles, keys and configuration, newest first. */
@Controller("/api/v1/audit-log")
@Requires(property = "parley.roles", pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Audit log")
@ProblemResponses.Authenticated
final class AuditLogController {

    private final AuditLog audit;
    private final TenantScope scope;
    private final CallerResolver callers;
    private final JsonMapper json;

    AuditLogController(AuditLog audit, TenantScope scope, CallerResolver callers, JsonMapper json) {
        this.audit = audit;
        this.scope = scope;
        this.callers = callers;
        this.json = json;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "AuditEntryPage")
    @Operation(operationId = "listAuditLog", summary = "List audit-log entries, newest first",
            description = "Who changed what, with actor and IP (admin). Filters combine with AND: `actorId` (a "
                    + "member's user id), `action` (exact, or every action of an area with a trailing dot: "
                    + "`conversation.`), `from` (inclusive) and `to` (exclusive) instants.")
    PageResponse<Entry> list(@Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                             @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                             @Nullable @QueryValue @Parameter(description = "Only this actor's entries (a user id)")
                             String actorId,
                             @Nullable @QueryValue @Parameter(description = "An action, or an area's prefix ending "
                                     + "in a dot", example = "conversation.") String action,
                             @Nullable @QueryValue @Parameter(description = "Entries at or after this instant",
                                     example = "2026-12-01T00:00:00Z") String from,
                             @Nullable @QueryValue @Parameter(description = "Entries before this instant",
                                     example = "2026-12-08T00:00:00Z") String to,
                             Authentication authentication, HttpRequest<?> request) {
        TenantId tenant = callers.resolve(authentication, request).requireTenant(Role.ADMIN);
        int size = Cursor.limit(limit);
        var before = Cursor.after(cursor, Cursor.NEWEST);
        AuditLog.Filter filter = new AuditLog.Filter(
                actorId == null || actorId.isBlank() ? null : Ids.parse(actorId)
                        .orElseThrow(() -> ProblemException.invalidField("actorId", "is not an id")),
                action == null || action.isBlank() ? null : action.strip(), instant("from", from), instant("to", to));
        return scope.read(tenant, () -> PageResponse.of(audit.page(tenant, before, filter, size + 1), size,
                this::toEntry, row -> row.id().toString()));
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an instant such as 2026-12-01T00:00:00Z");
        }
    }

    private Entry toEntry(AuditEntryRow row) {
        Map<String, Object> details;
        try {
            details = json.readValue(row.details(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            details = Map.of();
        }
        return new Entry(row.id().toString(), new Entry.Actor(row.actorType(),
                row.actorId() == null ? null : row.actorId().toString(), row.actorLabel()),
                row.action(), row.targetType(), row.targetId(), details, row.ip(), row.createdAt());
    }

    @Serdeable
    @Schema(name = "AuditEntry")
    record Entry(String id, Actor actor, @Schema(requiredMode = REQUIRED,
                                                 example = "member.role_changed") String action,
                 @Nullable String targetType, @Nullable String targetId, Map<String, Object> details,
                 @Nullable String ip, Instant createdAt) {

        @Serdeable
        @Schema(name = "AuditActor")
        record Actor(@Schema(requiredMode = REQUIRED,
                             type = "string", allowableValues = {"user", "api_key", "system"}) String type, @Nullable String id,
                     @Nullable String label) {
        }
    }
}
