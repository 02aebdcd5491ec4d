package io.parley.core.billing;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plans from the configuration ({@link PlanDefinition}), checked once at start-up: a wrong catalogue stops the
 * start instead of a checkout. The database's plans table is a projection of it ({@link PlanCatalogSync}).
 */
@Singleton
public final class PlanCatalog {

    /** Every tenant's base plan unless an operator assigned another (tenants.plan defaults to it, V1). */
    public static final String BASE_PLAN = "free";

    private final List<PlanDefinition> plans;
    private final Map<String, PlanDefinition> byPrice = new HashMap<>();

    PlanCatalog(List<PlanDefinition> definitions, BillingSettings billing) {
        this.plans = definitions.stream()
                .sorted(Comparator.comparingInt(PlanDefinition::order).thenComparing(PlanDefinition::id)).toList();
        if (find(BASE_PLAN).isEmpty()) {
            throw new ConfigurationException("parley.plans must define the '" + BASE_PLAN + "' plan: tenants without a "
                    + "subscription are on it");
        }
        if (billing.trialDays() > 0 && find(billing.trialPlan()).isEmpty()) {
            throw new ConfigurationException("parley.billing.trial-plan '" + billing.trialPlan()
                    + "' is not a plan of parley.plans");
        }
        for (PlanDefinition plan : plans) {
            for (String price : plan.stripePriceIds()) {
                PlanDefinition other = byPrice.putIfAbsent(price, plan);
                if (other != null) {
                    throw new ConfigurationException("Stripe price " + price + " is given to two plans: "
                            + other.id() + " and " + plan.id());
                }
            }
        }
    }

    /** Cheapest (lowest order) first. */
    public List<PlanDefinition> plans() {
        return plans;
    }

    public Optional<PlanDefinition> find(String id) {
        return plans.stream().filter(plan -> plan.id().equals(id)).findFirst();
    }

    /** The plan a Stripe price stands for. */
    public Optional<PlanDefinition> forPrice(String priceId) {
        return Optional.ofNullable(byPrice.get(priceId));
    }
}
