package io.parley.api.admin;

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
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.parley.core.admin.PlatformAuditLog;
import io.parley.core.admin.PlatformHealth;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.health.LlmHealth;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The installation's health across tenants and the platform's audit log (platform admins only). */
@Controller("/api/v1/admin")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Operator")
@ProblemResponses.Authenticated
class AdminHealthController {

    private static final int FAILING_CHANNELS = 100;

    private final PlatformAdminGuard guard;
    private final TenantScope scope;
    private final PlatformHealth health;
    private final PlatformAuditLog audit;
    private final Optional<LlmHealth.Source> llm;
    private final JsonMapper json;

    AdminHealthController(PlatformAdminGuard guard, TenantScope scope, PlatformHealth health, PlatformAuditLog audit,
                          Optional<LlmHealth.Source> llm, JsonMapper json) {
        this.guard = guard;
        this.scope = scope;
        this.health = health;
        this.audit = audit;
        this.llm = llm;
        this.json = json;
    }

    @Get("/health")
    @Operation(operationId = "getPlatformHealth", summary = "Queue, failing channels and LLM state (platform admin)",
            description = "The job queue by kind (depth, oldest due job), every tenant's channels whose last check "
                    + "with their provider failed (newest first, at most 100), and the LLM circuits of this process "
                    + "when it runs the worker role.")
    AdminWire.Health health(Authentication authentication, HttpRequest<?> request) {
        guard.require(authentication, request);
        return scope.asPlatform(null, () -> {
            List<AdminWire.QueueKind> queue = health.queue().stream().map(AdminWire.QueueKind::of).toList();
            List<AdminWire.FailingChannel> channels = health.failingChannels(FAILING_CHANNELS).stream()
                    .map(AdminWire.FailingChannel::of).toList();
            long depth = queue.stream().mapToLong(AdminWire.QueueKind::available).sum();
            double oldest = queue.stream().mapToDouble(AdminWire.QueueKind::oldestDueSeconds).max().orElse(0);
            return new AdminWire.Health(queue, depth, oldest, channels, llm.map(LlmHealth.Source::current).orElse(null));
        });
    }

    @Get("/audit-log")
    @ProblemResponses.BadRequest
    @Schema(name = "PlatformAuditEntryPage")
    @Operation(operationId = "listPlatformAuditLog", summary = "What platform admins did, newest first",
            description = "Optionally of one tenant (`tenantId`).")
    PageResponse<AdminWire.AuditEntry> auditLog(@Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                        @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                        @Nullable @QueryValue @Parameter(description = "Only this tenant's entries")
                                        String tenantId,
                                        Authentication authentication, HttpRequest<?> request) {
        guard.require(authentication, request);
        TenantId tenant = tenantId == null || tenantId.isBlank() ? null : TenantId.parse(tenantId.strip())
                .orElseThrow(() -> ProblemException.invalidField("tenantId", "is not an id"));
        int size = Cursor.limit(limit);
        var before = Cursor.after(cursor, Cursor.NEWEST);
        return PageResponse.of(scope.asPlatform(null, () -> audit.page(tenant, before, size + 1)), size,
                entry -> AdminWire.AuditEntry.of(entry, details(entry.detailsJson())), entry -> entry.id().toString());
    }

    private Map<String, Object> details(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            return Map.of();
        }
    }
}
