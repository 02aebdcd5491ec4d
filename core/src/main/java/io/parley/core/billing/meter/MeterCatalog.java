package io.parley.core.billing.meter;

import io.micronaut.context.exceptions.ConfigurationException;
import io.parley.core.billing.PlanCatalog;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The meters from the configuration, checked at start-up (an unknown plan or quantity stops the start instead of a
 * report). None configured: metering is off.
 */
@Singleton
public final class MeterCatalog {

    private final List<Meter> meters;

    MeterCatalog(List<MeterDefinition> definitions, PlanCatalog plans) {
        Set<String> names = new HashSet<>();
        this.meters = definitions.stream().map(definition -> {
            String prefix = "parley.billing.meters." + definition.key();
            if (definition.eventName() == null || !definition.eventName().matches("[A-Za-z0-9_.:-]{1,100}")) {
                throw new ConfigurationException(prefix + ".event-name must be the Stripe meter's event_name");
            }
            if (!names.add(definition.eventName())) {
                throw new ConfigurationException(prefix + ": event name " + definition.eventName() + " is used twice");
            }
            MeterQuantity quantity = MeterQuantity.fromWire(definition.quantity()).orElseThrow(() ->
                    new ConfigurationException(prefix + ".quantity must be answered-messages, llm-calls, input-tokens, "
                            + "output-tokens or llm-cost-micros"));
            List<String> planIds = definition.plans() == null ? List.of() : List.copyOf(definition.plans());
            if (planIds.isEmpty()) {
                throw new ConfigurationException(prefix + ".plans must name the plans with a price on this meter");
            }
            planIds.stream().filter(id -> plans.find(id).isEmpty()).findFirst().ifPresent(id -> {
                throw new ConfigurationException(prefix + ".plans names " + id + ", which is not a plan");
            });
            return new Meter(definition.eventName(), definition.meterId(), quantity, planIds);
        }).toList();
    }

    public boolean enabled() {
        return !meters.isEmpty();
    }

    public List<Meter> meters() {
        return meters;
    }

    /** The meters a subscription to {@code planId} is billed on. */
    public List<Meter> forPlan(String planId) {
        return meters.stream().filter(meter -> meter.plans().contains(planId)).toList();
    }
}
