package io.parley.api.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import io.parley.core.privacy.PrivacySettings;
import io.parley.core.privacy.RetentionRepository;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.Map;

/** Closing a tenant and reopening it within the grace period (docs/privacy.md "Closing a tenant"): owners only. */
@Controller("/api/v1/tenant")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Tenant")
@ProblemResponses.Authenticated
class TenantClosureController {

    private final CallerResolver callers;
    private final TenantScope scope;
    private final RetentionRepository retention;
    private final PrivacySettings settings;
    private final AuditLog audit;

    TenantClosureController(CallerResolver callers, TenantScope scope, RetentionRepository retention,
                            PrivacySettings settings, AuditLog audit) {
        this.callers = callers;
        this.scope = scope;
        this.retention = retention;
        this.settings = settings;
        this.audit = audit;
    }

    @Get("/closure")
    @Operation(operationId = "getTenantClosure", summary = "Whether the tenant is closed, and until when it can reopen",
            description = "`deleteAfter` is when a closed tenant's data is deleted; null while it is open.")
    Closure get(Authentication authentication, HttpRequest<?> request) {
        TenantId tenant = callers.resolve(authentication, request).requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> closure(tenant));
    }

    @Post("/close")
    @ProblemResponses.Conflict
    @Operation(operationId = "closeTenant", summary = "Close the tenant (owner)",
            description = "Its active bots are paused at once; its data is deleted after the installation's grace "
                    + "period (`PARLEY_PRIVACY_CLOSE_GRACE_DAYS`, default 30), until then `reopenTenant` undoes it. "
                    + "Export what you need first. 409 when it is closed already. Audited as tenant.closed.")
    Closure close(Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.OWNER);
        return scope.write(tenant, () -> {
            if (retention.close(tenant.value(), settings.closeGraceDays()) == 0) {
                throw ProblemException.conflict("The tenant is closed already.");
            }
            Closure closure = closure(tenant);
            audit.record(tenant, caller.actor(), "tenant.closed", "tenant", tenant.toString(),
                    Map.of("deleteAfter", closure.deleteAfter().toString()));
            return closure;
        });
    }

    @Post("/reopen")
    @ProblemResponses.Conflict
    @Operation(operationId = "reopenTenant", summary = "Reopen a closed tenant within its grace period (owner)",
            description = "The bots the closing paused are resumed. 409 when the tenant is not closed. Audited as "
                    + "tenant.reopened.")
    Closure reopen(Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.OWNER);
        return scope.write(tenant, () -> {
            if (retention.reopen(tenant.value()) == 0) {
                throw ProblemException.conflict("The tenant is not closed.");
            }
            audit.record(tenant, caller.actor(), "tenant.reopened", "tenant", tenant.toString(), Map.of());
            return closure(tenant);
        });
    }

    private Closure closure(TenantId tenant) {
        Instant deleteAfter = retention.deleteAfter(tenant.value()).orElse(null);
        return new Closure(deleteAfter != null, deleteAfter);
    }

    @Serdeable
    @Schema(name = "TenantClosure")
    record Closure(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean closed,
                   @Nullable @Schema(description = "When the data is deleted; null while open") Instant deleteAfter) {
    }
}
