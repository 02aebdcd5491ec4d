package io.parley.api.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.parley.api.admin.AdminWire.AdminTenant;
import io.parley.api.admin.PlatformAdminGuard.Operator;
import io.parley.api.caller.CredentialClaims;
import io.parley.core.admin.OperatorTenants;
import io.parley.core.admin.PlatformAuditLog;
import io.parley.core.admin.TenantSuspensions;
import io.parley.core.audit.AuditLog;
import io.parley.core.billing.PlanCatalog;
import io.parley.core.billing.TenantPlanAssignments;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a platform admin does to a tenant: suspend and resume it, change its plan, look at it read-only. Each act is
 * written to the tenant's audit log and the platform's, in the transaction of the change.
 */
@Singleton
final class OperatorConsole {

    static final String NO_SUCH_PLAN = "is not a plan of this installation";

    private final TenantScope scope;
    private final OperatorTenants tenants;
    private final TenantSuspensions suspensions;
    private final TenantPlanAssignments plans;
    private final PlanCatalog catalog;
    private final AuditLog audit;
    private final PlatformAuditLog platformAudit;
    private final TokenGenerator tokens;
    private final Duration impersonation;

    OperatorConsole(TenantScope scope, OperatorTenants tenants, TenantSuspensions suspensions,
                    TenantPlanAssignments plans, PlanCatalog catalog, AuditLog audit, PlatformAuditLog platformAudit,
                    TokenGenerator tokens,
                    @Value("${parley.admin.impersonation-minutes:10}") int impersonationMinutes) {
        if (impersonationMinutes < 1 || impersonationMinutes > 60) {
            throw new IllegalArgumentException("parley.admin.impersonation-minutes must be 1 to 60");
        }
        this.scope = scope;
        this.tenants = tenants;
        this.suspensions = suspensions;
        this.plans = plans;
        this.catalog = catalog;
        this.audit = audit;
        this.platformAudit = platformAudit;
        this.tokens = tokens;
        this.impersonation = Duration.ofMinutes(impersonationMinutes);
    }

    AdminTenant describe(TenantId tenant) {
        return scope.asPlatform(tenant, () -> find(tenant));
    }

    AdminTenant suspend(TenantId tenant, String reason, Operator operator) {
        String why = reason.strip();
        return scope.asPlatform(tenant, () -> {
            find(tenant);
            if (!suspensions.suspend(tenant, why, operator.email())) {
                throw ProblemException.conflict("The tenant is suspended already.");
            }
            record(tenant, operator, "tenant.suspended", Map.of("reason", why));
            return find(tenant);
        });
    }

    AdminWire.Resumed resume(TenantId tenant, Operator operator) {
        return scope.asPlatform(tenant, () -> {
            find(tenant);
            TenantSuspensions.Resumed queued = suspensions.resume(tenant)
                    .orElseThrow(() -> ProblemException.conflict("The tenant is not suspended."));
            record(tenant, operator, "tenant.resumed", Map.of("heldTurnsQueued", queued.turns(),
                    "heldJobsQueued", queued.jobs()));
            return new AdminWire.Resumed(find(tenant), queued.turns(), queued.jobs());
        });
    }

    AdminTenant assignPlan(TenantId tenant, String planId, Operator operator) {
        String plan = planId.strip();
        if (catalog.find(plan).isEmpty()) {
            throw ProblemException.invalidField("planId", NO_SUCH_PLAN);
        }
        return scope.asPlatform(tenant, () -> {
            String before = find(tenant).plan();
            if (plans.assignByOperator(tenant, plan, operator.actor())) {
                platformAudit.record(operator.actor(), "tenant.plan.assigned", tenant,
                        Map.of("from", before, "to", plan));
            }
            return find(tenant);
        });
    }

    /** A short-lived token that reads the tenant as its admins see it and can change nothing. */
    AdminWire.ImpersonationToken impersonate(TenantId tenant, String reason, Operator operator) {
        String why = reason.strip();
        int seconds = (int) impersonation.toSeconds();
        scope.asPlatform(tenant, () -> {
            find(tenant);
            record(tenant, operator, "tenant.impersonated", Map.of("reason", why, "readOnly", true,
                    "expiresAt", Instant.now().plusSeconds(seconds).toString()));
            return null;
        });
        Map<String, Object> claims = Map.of(CredentialClaims.EMAIL, operator.email(),
                CredentialClaims.TENANT, tenant.toString(), CredentialClaims.IMPERSONATION, true);
        String token = tokens.generateToken(Authentication.build(operator.user().toString(), claims), seconds)
                .orElseThrow(() -> new IllegalStateException("JWT generation failed"));
        return new AdminWire.ImpersonationToken(token, "Bearer", seconds, tenant.toString(), true);
    }

    private AdminTenant find(TenantId tenant) {
        return tenants.find(tenant.value(), Instant.now()).map(AdminTenant::of)
                .orElseThrow(() -> ProblemException.notFound("Tenant"));
    }

    private void record(TenantId tenant, Operator operator, String action, Map<String, ?> details) {
        audit.record(tenant, operator.actor(), action, "tenant", tenant.toString(), details);
        platformAudit.record(operator.actor(), action, tenant, details);
    }
}
