package io.parley.core.flow.condition;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A test over what is known about a contact at the moment of a message, stored as JSON on a flow
 * ({@code flows.condition}), a gate trigger ({@code until}) and a branch step. Exactly one shape is set:
 * <ul>
 *   <li>{@code all}: every condition holds; {@code any}: at least one holds; {@code not}: the condition fails;
 *   <li>a test: {@code field} (see {@link ConditionField}), {@code op} (see {@link ConditionOp}) and, by op, one
 *       {@code value} or a list of {@code values}.
 * </ul>
 * One flat record rather than a tagged union: the JSON a person writes has no {@code type} tag
 * ({@code {"all": [...]}} reads better than {@code {"type": "all", "conditions": [...]}}). The API validates the
 * shape before it is stored ({@link ConditionRules}); {@link ConditionEvaluator} treats anything else as false.
 * Values are JSON scalars (string, number, boolean) so attributes compare by type.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(@Nullable List<Condition> all, @Nullable List<Condition> any, @Nullable Condition not,
                        @Nullable String field, @Nullable String op, @Nullable Object value,
                        @Nullable List<Object> values) {

    public static Condition test(String field, String op, @Nullable Object value) {
        return new Condition(null, null, null, field, op, value, null);
    }

    public static Condition testValues(String field, String op, List<Object> values) {
        return new Condition(null, null, null, field, op, null, List.copyOf(values));
    }

    public static Condition allOf(List<Condition> conditions) {
        return new Condition(List.copyOf(conditions), null, null, null, null, null, null);
    }

    public static Condition anyOf(List<Condition> conditions) {
        return new Condition(null, List.copyOf(conditions), null, null, null, null, null);
    }

    public static Condition negate(Condition condition) {
        return new Condition(null, null, condition, null, null, null, null);
    }
}
