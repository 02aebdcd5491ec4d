package io.parley.api.tenant;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.http.json.MergePatch;
import io.parley.core.account.TenantRepository;
import io.parley.core.analytics.TenantZoneRepository;
import io.parley.core.analytics.TenantZones;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;
import io.parley.core.account.TenantRow;
import io.parley.core.audit.AuditLog;
import io.parley.core.plan.PlanRepository;
import io.parley.core.plan.PlanRow;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The active tenant: its name, plan, the plan's limits and current usage; and the catalogue of plans. */
@Controller("/api/v1")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Tenant")
@ProblemResponses.Authenticated
class TenantController {

    private final CallerResolver callers;
    private final TenantScope scope;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final AuditLog audit;
    private final TenantZoneRepository zones;

    static final String BAD_TIME_ZONE = "must be an IANA time zone name such as Asia/Taipei";

    TenantController(CallerResolver callers, TenantScope scope, TenantRepository tenants, PlanRepository plans,
                     AuditLog audit, TenantZoneRepository zones) {
        this.zones = zones;
        this.callers = callers;
        this.scope = scope;
        this.tenants = tenants;
        this.plans = plans;
        this.audit = audit;
    }

    @Get("/tenant")
    @Operation(operationId = "getTenant", summary = "The active tenant with its plan, limits and usage",
            description = "The tenant the credential acts in, with its plan, limits and current usage.")
    TenantResponse tenant(Authentication authentication, HttpRequest<?> request) {
        TenantId tenant = callers.resolve(authentication, request).requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> describe(tenant));
    }

    @Patch("/tenant")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @Operation(operationId = "updateTenant", summary = "Rename the active tenant or set its time zone (admin)",
            description = "JSON Merge Patch. The new name shows to every member at once. `timeZone` is an IANA name "
                    + "(e.g. Asia/Taipei); analytics group hours, days, weeks and months in it; null sets UTC.")
    TenantResponse update(@Body @Valid TenantPatch body, Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        MergePatch patch = MergePatch.of(request);
        if (patch.removes("name")) {
            throw ProblemException.invalidField("name", ProblemMessages.CANNOT_REMOVE);
        }
        if (body.name() != null && body.name().isBlank()) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        String zone = patch.removes("timeZone") ? TenantZones.DEFAULT : body.timeZone();
        if (zone != null && TenantZones.parse(zone).isEmpty()) {
            throw ProblemException.invalidField("timeZone", BAD_TIME_ZONE);
        }
        return scope.write(tenant, () -> {
            if (body.name() != null) {
                String before = tenants.findById(tenant.value()).orElseThrow().name();
                tenants.rename(tenant.value(), body.name().trim());
                audit.record(tenant, caller.actor(), "tenant.renamed", "tenant", tenant.toString(),
                        Map.of("from", before, "to", body.name().trim()));
            }
            if (zone != null) {
                String before = zones.find(tenant.value());
                if (!before.equals(zone)) {
                    zones.update(tenant.value(), zone);
                    audit.record(tenant, caller.actor(), "tenant.time_zone_changed", "tenant", tenant.toString(),
                            Map.of("from", before, "to", zone));
                }
            }
            return describe(tenant);
        });
    }

    @Get("/plans")
    @Operation(operationId = "listPlans", summary = "The plans and their limits (null = unlimited)",
            description = "The plans of this Parley's configuration (parley.plans.*), cheapest first.")
    List<PlanView> plans() {
        return plans.findAll().stream().map(PlanView::of).toList();
    }

    private TenantResponse describe(TenantId tenant) {
        TenantRow row = tenants.findById(tenant.value()).orElseThrow();
        PlanRow plan = plans.tenantPlan(tenant.value()).orElseThrow();
        return new TenantResponse(row.id().toString(), row.name(), zones.find(tenant.value()), PlanView.of(plan),
                new Usage(plans.countBots(tenant.value()), plans.countChannels(tenant.value()),
                        plans.countMembers(tenant.value())), row.createdAt());
    }

    @Serdeable
    @Schema(name = "Tenant")
    record TenantResponse(String id, String name,
                          @Schema(requiredMode = REQUIRED, description = "IANA time zone of the tenant's analytics",
                                  example = "Asia/Taipei") String timeZone,
                          PlanView plan, Usage usage, Instant createdAt) {
    }

    @Serdeable
    @Schema(name = "TenantUsage")
    record Usage(long bots, long channels, long members) {
    }

    @Serdeable
    @Schema(name = "UpdateTenantRequest")
    record TenantPatch(@Nullable @Size(max = 120) @Schema(example = "Acme Coffee") String name,
                       @Nullable @Schema(description = "IANA time zone name; null resets to UTC",
                               example = "Asia/Taipei") String timeZone) {
    }

    @Serdeable
    @Schema(name = "Plan")
    record PlanView(@Schema(requiredMode = REQUIRED,
                            example = "free") String id, @Schema(requiredMode = REQUIRED, example = "Free") String name,
                    @Nullable Integer maxBots, @Nullable Integer maxChannels, @Nullable Integer maxMessagesPerMonth,
                    @Nullable @Schema(description = "Monthly LLM spend limit in micro-USD") Long monthlyLlmBudgetMicros,
                    @Nullable Integer maxMembers,
                    @Schema(requiredMode = REQUIRED, description = "Monthly price in the currency's minor unit") long monthlyPriceCents,
                    @Schema(requiredMode = REQUIRED, example = "usd") String currency,
                    @Schema(requiredMode = REQUIRED, description = "What the plan offers, in words") List<String> features,
                    @Schema(requiredMode = REQUIRED, description = "Whether it can be bought through billing (it has a Stripe price)")
                    boolean purchasable) {
        static PlanView of(PlanRow plan) {
            return new PlanView(plan.id(), plan.name(), plan.maxBots(), plan.maxChannels(), plan.maxMessagesPerMonth(),
                    plan.monthlyLlmBudgetMicros(), plan.maxMembers(), plan.monthlyPriceCents(), plan.currency(),
                    plan.featureList(), plan.stripePriceId() != null);
        }
    }
}
