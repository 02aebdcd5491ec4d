package io.parley.api.alert;

import io.micronaut.core.annotation.Nullable;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.alert.AlertKind;
import io.parley.core.alert.AlertRule;
import io.parley.core.alert.AlertRuleRepository;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Alert rules: every member reads them; owners and admins change them (they decide who is told what). */
@Singleton
final class AlertRuleService {

    static final String KIND_REQUIRED = "is required for this kind of rule";
    static final String KIND_UNUSED = "is not used by this kind of rule; leave it out";

    /** A rule's thresholds; each kind uses its own and no other (the table checks it too). */
    record Thresholds(@Nullable Long costMicros, @Nullable Integer failurePercent, @Nullable Integer windowMinutes,
                      @Nullable Integer minCalls, @Nullable Integer waitMinutes) {

        Map<String, Object> byField() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("costMicros", costMicros);
            fields.put("failurePercent", failurePercent);
            fields.put("windowMinutes", windowMinutes);
            fields.put("minCalls", minCalls);
            fields.put("waitMinutes", waitMinutes);
            return fields;
        }

        void check(AlertKind kind) {
            List<String> used = switch (kind) {
                case LLM_DAILY_COST -> List.of("costMicros");
                case LLM_FAILURE_RATE -> List.of("failurePercent", "windowMinutes", "minCalls");
                case HANDOFF_WAITING -> List.of("waitMinutes");
                case CREDENTIALS_REJECTED -> List.of();
            };
            byField().forEach((field, value) -> {
                if (used.contains(field) && value == null) {
                    throw ProblemException.invalidField(field, KIND_REQUIRED);
                }
                if (!used.contains(field) && value != null) {
                    throw ProblemException.invalidField(field, KIND_UNUSED);
                }
            });
        }
    }

    private final TenantScope scope;
    private final AlertRuleRepository rules;
    private final AuditLog audit;

    AlertRuleService(TenantScope scope, AlertRuleRepository rules, AuditLog audit) {
        this.scope = scope;
        this.rules = rules;
        this.audit = audit;
    }

    AlertRuleWire.AlertRuleResponse create(Caller caller, AlertRuleWire.AlertRuleCreate request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        AlertKind kind = AlertKind.parse(request.kind()).orElseThrow(() -> ProblemException.invalidField("kind",
                "must be " + AlertRuleWire.KINDS));
        Thresholds thresholds = new Thresholds(request.costMicros(), request.failurePercent(), request.windowMinutes(),
                request.minCalls(), request.waitMinutes());
        thresholds.check(kind);
        return scope.write(tenant, () -> {
            UUID id = Ids.next();
            rules.insert(tenant.value(), id, kind.wireName(), request.enabled() == null || request.enabled(),
                    thresholds.costMicros(), thresholds.failurePercent(), thresholds.windowMinutes(),
                    thresholds.minCalls(), thresholds.waitMinutes());
            audit.record(tenant, caller.actor(), "alert_rule.created", "alert_rule", id.toString(),
                    Map.of("kind", kind.wireName()));
            return response(rules.find(tenant.value(), id).orElseThrow());
        });
    }

    PageResponse<AlertRuleWire.AlertRuleResponse> list(Caller caller, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        return scope.read(tenant, () -> PageResponse.of(rules.page(tenant.value(), before, size + 1), size,
                AlertRuleService::response, row -> row.id().toString()));
    }

    AlertRuleWire.AlertRuleResponse get(Caller caller, String ruleId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> response(Ids.parse(ruleId).flatMap(id -> rules.find(tenant.value(), id))
                .orElseThrow(AlertRuleService::notFound)));
    }

    AlertRuleWire.AlertRuleResponse update(Caller caller, String ruleId, AlertRuleWire.AlertRulePatch patch,
                                           MergePatch members) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        if (members.removes("enabled")) {
            throw ProblemException.invalidField("enabled", ProblemMessages.CANNOT_REMOVE);
        }
        return scope.write(tenant, () -> {
            AlertRule current = Ids.parse(ruleId).flatMap(id -> rules.findForUpdate(tenant.value(), id))
                    .orElseThrow(AlertRuleService::notFound);
            Thresholds thresholds = new Thresholds(
                    merged(members, "costMicros", patch.costMicros(), current.costMicros()),
                    merged(members, "failurePercent", patch.failurePercent(), current.failurePercent()),
                    merged(members, "windowMinutes", patch.windowMinutes(), current.windowMinutes()),
                    merged(members, "minCalls", patch.minCalls(), current.minCalls()),
                    merged(members, "waitMinutes", patch.waitMinutes(), current.waitMinutes()));
            thresholds.check(current.alertKind());
            boolean enabled = patch.enabled() == null ? current.enabled() : patch.enabled();
            rules.update(tenant.value(), current.id(), enabled, thresholds.costMicros(), thresholds.failurePercent(),
                    thresholds.windowMinutes(), thresholds.minCalls(), thresholds.waitMinutes());
            audit.record(tenant, caller.actor(), "alert_rule.updated", "alert_rule", current.id().toString(),
                    Map.of("enabled", Boolean.toString(enabled)));
            return response(rules.find(tenant.value(), current.id()).orElseThrow());
        });
    }

    void delete(Caller caller, String ruleId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            UUID id = Ids.parse(ruleId).filter(candidate -> rules.delete(tenant.value(), candidate) == 1)
                    .orElseThrow(AlertRuleService::notFound);
            audit.record(tenant, caller.actor(), "alert_rule.deleted", "alert_rule", id.toString(), Map.of());
        });
    }

    /** The patched value: the patch's, null when the patch removes it, else the current one. */
    private static <T> T merged(MergePatch members, String field, @Nullable T patched, @Nullable T current) {
        if (members.removes(field)) {
            return null;
        }
        return patched != null ? patched : current;
    }

    private static AlertRuleWire.AlertRuleResponse response(AlertRule row) {
        return new AlertRuleWire.AlertRuleResponse(row.id().toString(), row.kind(), row.enabled(), row.costMicros(),
                row.failurePercent(), row.windowMinutes(), row.minCalls(), row.waitMinutes(), row.createdAt(),
                row.updatedAt());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Alert rule");
    }
}
