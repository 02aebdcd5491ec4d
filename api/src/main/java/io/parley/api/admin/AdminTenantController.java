package io.parley.api.admin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.admin.AdminWire.AdminTenant;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.parley.core.admin.OperatorTenants;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.time.Instant;

/** The operator console's tenants (docs/operator-console.md): platform admins only, a tenant's owner gets 403. */
@Controller("/api/v1/admin/tenants")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Operator")
@ProblemResponses.Authenticated
class AdminTenantController {

    private final PlatformAdminGuard guard;
    private final OperatorConsole console;
    private final OperatorTenants tenants;
    private final TenantScope scope;

    AdminTenantController(PlatformAdminGuard guard, OperatorConsole console, OperatorTenants tenants,
                          TenantScope scope) {
        this.guard = guard;
        this.console = console;
        this.tenants = tenants;
        this.scope = scope;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "AdminTenantPage")
    @Operation(operationId = "listAdminTenants", summary = "Every tenant, newest first (platform admin)",
            description = "With plan, usage this month, status, members. `q` matches part of the name, an owner's or "
                    + "member's email, or the whole id.")
    PageResponse<AdminTenant> list(@Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                   @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                   @Nullable @QueryValue @Parameter(description = "Search text", example = "acme")
                                   String q,
                                   Authentication authentication, HttpRequest<?> request) {
        guard.require(authentication, request);
        int size = Cursor.limit(limit);
        var before = Cursor.after(cursor, Cursor.NEWEST);
        String search = q == null || q.isBlank() ? null : q.strip();
        return scope.asPlatform(null, () -> PageResponse.of(tenants.page(search, before, size + 1, Instant.now()),
                size, AdminTenant::of, row -> row.id().toString()));
    }

    @Get("/{id}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getAdminTenant", summary = "One tenant (platform admin)",
            description = "The tenant as the list shows it; 404 for an id that names no tenant.")
    AdminTenant get(@PathVariable String id, Authentication authentication, HttpRequest<?> request) {
        guard.require(authentication, request);
        return console.describe(tenant(id));
    }

    @Post("/{id}/suspension")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "suspendTenant", summary = "Suspend a tenant (platform admin)",
            description = "Its bots stop answering: webhooks are still acknowledged and stored, the messages wait and "
                    + "are answered after the resume. 409 when suspended already. Audited as tenant.suspended in the "
                    + "tenant's log and the platform's.")
    AdminTenant suspend(@PathVariable String id, @Body @Valid AdminWire.SuspendRequest body,
                        Authentication authentication, HttpRequest<?> request) {
        var operator = guard.require(authentication, request);
        return console.suspend(tenant(id), body.reason(), operator);
    }

    @Delete("/{id}/suspension")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "resumeTenant", summary = "Resume a suspended tenant (platform admin)",
            description = "The messages received while suspended are queued to be answered, in order. 409 when not "
                    + "suspended. Audited as tenant.resumed.")
    AdminWire.Resumed resume(@PathVariable String id, Authentication authentication, HttpRequest<?> request) {
        var operator = guard.require(authentication, request);
        return console.resume(tenant(id), operator);
    }

    @Put("/{id}/plan")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "assignTenantPlan", summary = "Set a tenant's base plan (platform admin)",
            description = "As a configured assignment would (docs/billing.md): a live Stripe subscription or trial "
                    + "still wins, and `plan` in the answer is the plan in effect. Audited as tenant.plan.assigned.")
    AdminTenant assignPlan(@PathVariable String id, @Body @Valid AdminWire.AssignPlanRequest body,
                           Authentication authentication, HttpRequest<?> request) {
        var operator = guard.require(authentication, request);
        return console.assignPlan(tenant(id), body.planId(), operator);
    }

    @Post("/{id}/impersonation")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "impersonateTenant", summary = "A read-only token to look at a tenant (platform admin)",
            description = "A short-lived access token (`parley.admin.impersonation-minutes`, default 10) that reads "
                    + "the tenant's API as its admins see it; every write it carries answers 403, and it cannot be "
                    + "refreshed. Audited as tenant.impersonated in the tenant's log and the platform's.")
    AdminWire.ImpersonationToken impersonate(@PathVariable String id,
                                             @Body @Valid AdminWire.ImpersonationRequest body,
                                             Authentication authentication, HttpRequest<?> request) {
        var operator = guard.require(authentication, request);
        return console.impersonate(tenant(id), body.reason(), operator);
    }

    /** A tenant id from the path; 404 for one that is not an id (like one that names no tenant). */
    static TenantId tenant(String id) {
        return TenantId.parse(id).orElseThrow(() -> ProblemException.notFound("Tenant"));
    }
}
