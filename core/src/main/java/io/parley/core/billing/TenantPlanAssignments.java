package io.parley.core.billing;

import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Base plans an operator assigns to tenants through configuration (docs/billing.md, "Assigning a plan to a tenant"):
 * {@code parley.tenant-plans.<tenant id>=<plan id>}, or all of them in one value,
 * {@code PARLEY_TENANT_PLANS="<tenant id>=pro,<tenant id>=business"} (a UUID cannot be part of an environment
 * variable's name). Checked when the context starts — a malformed tenant id, an unknown plan or one tenant given two
 * plans stops the start — and written into {@code tenants.plan} with the plan catalogue ({@link PlanCatalogSync}).
 *
 * <p>An assignment is the tenant's base plan: a live Stripe subscription or trial still wins, as
 * {@code tenant_plan_id()} (V55) decides. Writing is idempotent (nothing happens, nothing is audited, when the tenant
 * is already on the plan) and safe when several processes start at once (the tenant's row is locked). Removing an
 * assignment from the configuration changes nobody's plan: going back to Free is an assignment to {@code free}.
 */
@Singleton
public final class TenantPlanAssignments {

    static final String PREFIX = "parley.tenant-plans";
    /** Who the audit log names for a change made by an assignment. */
    static final Actor OPERATOR = Actor.system("operator (configuration)");

    private static final Logger LOG = LoggerFactory.getLogger(TenantPlanAssignments.class);
    private static final Pattern SEPARATOR = Pattern.compile("[,;\\s]+");

    private final Map<TenantId, String> assignments;
    private final TenantScope scope;
    private final TenantPlanRepository repository;
    private final AuditLog audit;

    @Inject
    TenantPlanAssignments(Environment environment, PlanCatalog catalog, TenantScope scope,
                          TenantPlanRepository repository, AuditLog audit) {
        this.assignments = parse(single(environment), entries(environment), catalog);
        this.scope = scope;
        this.repository = repository;
        this.audit = audit;
    }

    /** The checked assignments, tenant → plan id. */
    public Map<TenantId, String> assignments() {
        return assignments;
    }

    /** What applying one assignment did. */
    enum Outcome { ASSIGNED, UNCHANGED, UNKNOWN_TENANT }

    /**
     * Writes every assignment (after the catalogue, so a plan new in this configuration exists). A tenant that does
     * not exist (yet, or any more) is a warning, not a failure: the configuration may be shared by environments.
     */
    Map<TenantId, Outcome> apply() {
        Map<TenantId, Outcome> outcomes = new LinkedHashMap<>();
        assignments.forEach((tenant, plan) -> {
            Outcome outcome = scope.write(tenant, () -> assign(tenant, plan));
            if (outcome == Outcome.UNKNOWN_TENANT) {
                LOG.warn("{}: tenant {} does not exist; its plan assignment ({}) is ignored", PREFIX, tenant, plan);
            }
            outcomes.put(tenant, outcome);
        });
        return outcomes;
    }

    /**
     * The operator console's plan change (docs/operator-console.md): the tenant's base plan, as a configured
     * assignment would set it, audited in the tenant's log with the operator as actor. Inside the tenant's scope;
     * false when it was on that plan already. The plan must be one of the catalogue's (the caller checks).
     */
    public boolean assignByOperator(TenantId tenant, String plan, Actor operator) {
        Optional<String> current = repository.lockBasePlan(tenant.value());
        if (current.isEmpty() || current.get().equals(plan)) {
            return false;
        }
        repository.setBasePlan(tenant.value(), plan);
        audit.record(tenant, operator, "tenant.plan.assigned", "tenant", tenant.toString(),
                Map.of("from", current.get(), "to", plan, "source", "operator console"));
        return true;
    }

    private Outcome assign(TenantId tenant, String plan) {
        Optional<String> current = repository.lockBasePlan(tenant.value());
        if (current.isEmpty()) {
            return Outcome.UNKNOWN_TENANT;
        }
        if (current.get().equals(plan)) {
            return Outcome.UNCHANGED;
        }
        repository.setBasePlan(tenant.value(), plan);
        audit.record(tenant, OPERATOR, "tenant.plan.assigned", "tenant", tenant.toString(),
                Map.of("from", current.get(), "to", plan, "source", "configuration"));
        LOG.info("{}: tenant {} moved from base plan {} to {}", PREFIX, tenant, current.get(), plan);
        return Outcome.ASSIGNED;
    }

    /** {@code parley.tenant-plans} given as one value ({@code PARLEY_TENANT_PLANS}), or null. */
    private static String single(Environment environment) {
        if (!environment.getPropertyEntries(PREFIX).isEmpty()) {
            // the entries read as one string would be the map's own text ("{…}"), not a value an operator wrote
            return environment.getProperty(PREFIX, String.class).filter(value -> !value.startsWith("{"))
                    .orElse(null);
        }
        return environment.getProperty(PREFIX, String.class).orElse(null);
    }

    /** {@code parley.tenant-plans.<tenant id>} entries. */
    private static Map<String, String> entries(Environment environment) {
        Map<String, String> entries = new TreeMap<>();
        for (String key : environment.getPropertyEntries(PREFIX)) {
            entries.put(key, environment.getProperty(PREFIX + "." + key, String.class).orElse(""));
        }
        return entries;
    }

    static Map<TenantId, String> parse(String single, Map<String, String> entries, PlanCatalog catalog) {
        Map<TenantId, String> parsed = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        if (single != null) {
            for (String item : SEPARATOR.split(single.strip())) {
                if (item.isEmpty()) {
                    continue;
                }
                int equals = item.indexOf('=');
                if (equals < 0) {
                    throw new ConfigurationException(PREFIX + " (PARLEY_TENANT_PLANS): '" + item
                            + "' is not <tenant id>=<plan id>; write e.g. 3f2c…-…=pro, entries separated by commas");
                }
                put(parsed, item.substring(0, equals), item.substring(equals + 1), catalog);
            }
        }
        entries.forEach((tenant, plan) -> put(parsed, tenant, plan, catalog));
        return Collections.unmodifiableMap(parsed);
    }

    private static void put(Map<TenantId, String> parsed, String tenantText, String planText, PlanCatalog catalog) {
        TenantId tenant = tenantId(tenantText.strip());
        String plan = planText.strip();
        if (catalog.find(plan).isEmpty()) {
            throw new ConfigurationException(PREFIX + ": tenant " + tenant + " is assigned plan '" + plan
                    + "', which is not a plan of parley.plans (" + String.join(", ",
                    catalog.plans().stream().map(PlanDefinition::id).toList()) + ")");
        }
        String other = parsed.putIfAbsent(tenant, plan);
        if (other != null && !other.equals(plan)) {
            throw new ConfigurationException(PREFIX + ": tenant " + tenant + " is assigned two plans, " + other
                    + " and " + plan);
        }
    }

    private static TenantId tenantId(String text) {
        // UUID.fromString accepts shortened groups ("1-2-3-4-5"); a tenant id is always written in full.
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new ConfigurationException(PREFIX + ": '" + text + "' is not a tenant id: a full UUID such as "
                    + "0b9e5c1e-6f0a-4c1d-9a57-3c1f0e8d2b44 (the id in GET /api/v1/tenant)");
        }
        return new TenantId(UUID.fromString(text.toLowerCase(Locale.ROOT)));
    }
}
