package io.parley.api.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.audit.AuditLog;
import io.parley.core.privacy.RetentionRepository;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.HashMap;
import java.util.Map;

/** The tenant's retention of messages (docs/privacy.md "Retention"): members read, owners and admins change it. */
@Controller("/api/v1/privacy-settings")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Tenant")
@ProblemResponses.Authenticated
class PrivacySettingsController {

    private final CallerResolver callers;
    private final TenantScope scope;
    private final RetentionRepository retention;
    private final AuditLog audit;

    PrivacySettingsController(CallerResolver callers, TenantScope scope, RetentionRepository retention,
                              AuditLog audit) {
        this.callers = callers;
        this.scope = scope;
        this.retention = retention;
        this.audit = audit;
    }

    @Get
    @Operation(operationId = "getPrivacySettings", summary = "The tenant's retention settings",
            description = "How long messages are kept; null keeps them.")
    PrivacySettingsWire.PrivacySettingsResponse get(Authentication authentication, HttpRequest<?> request) {
        TenantId tenant = callers.resolve(authentication, request).requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> new PrivacySettingsWire.PrivacySettingsResponse(
                retention.retentionDays(tenant.value()).orElse(null)));
    }

    @Patch
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @Operation(operationId = "updatePrivacySettings", summary = "Change the tenant's retention (admin)",
            description = "`messageRetentionDays`: messages (and the stored provider events) older than this are "
                    + "deleted by an hourly job; null keeps them. Audited as privacy.settings.updated.")
    PrivacySettingsWire.PrivacySettingsResponse update(@Body @Valid PrivacySettingsWire.PrivacySettingsPatch body,
                                                       Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        MergePatch members = MergePatch.of(request);
        Integer days = body.messageRetentionDays();
        return scope.write(tenant, () -> {
            if (members.has("messageRetentionDays")) {
                retention.setRetentionDays(tenant.value(), days);
                Map<String, Object> details = new HashMap<>();
                details.put("messageRetentionDays", days);
                audit.record(tenant, caller.actor(), "privacy.settings.updated", "tenant", tenant.toString(), details);
            }
            return new PrivacySettingsWire.PrivacySettingsResponse(retention.retentionDays(tenant.value()).orElse(null));
        });
    }
}
