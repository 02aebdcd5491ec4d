package io.parley.api.flow;

import io.parley.core.flow.condition.Condition;
import io.parley.core.flow.condition.ConditionRules;

import java.util.List;

/**
 * A condition from the wire, checked by core's {@link ConditionRules} (the same rules the evaluator relies on) with
 * every problem reported at its path under {@code at} ({@code condition.all[1].op}, {@code trigger.until.value},
 * {@code steps[2].condition.field}).
 */
final class FlowConditions {

    private FlowConditions() {
    }

    /** The domain condition, or null after adding the errors to {@code validation}. */
    static Condition read(FlowWire.ConditionSpec spec, String at, FlowValidation validation) {
        if (spec == null) {
            validation.error(at, "is required: a condition (all, any, not, or field with op)");
            return null;
        }
        Condition condition = toCondition(spec);
        List<ConditionRules.Error> errors = ConditionRules.check(condition, at);
        errors.forEach(e -> validation.error(e.field(), e.message()));
        return errors.isEmpty() ? condition : null;
    }

    private static Condition toCondition(FlowWire.ConditionSpec spec) {
        if (spec == null) {
            return null;
        }
        return new Condition(spec.all() == null ? null : spec.all().stream().map(FlowConditions::toCondition).toList(),
                spec.any() == null ? null : spec.any().stream().map(FlowConditions::toCondition).toList(),
                toCondition(spec.not()), spec.field(), spec.op(), spec.value(), spec.values());
    }
}
