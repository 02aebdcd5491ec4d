package io.parley.core.flow.condition;

import io.parley.core.contact.ContactTags;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a condition before it is stored, collecting every problem with its path ({@code condition.all[1].op}), so
 * the API answers one 400 naming each field. The evaluator never sees a condition these rules refused.
 */
public final class ConditionRules {

    /** Nesting of all/any/not: deep enough for "A and (B or not C)", shallow enough to read. */
    public static final int MAX_DEPTH = 4;
    /** Tests in one condition, all levels together. */
    public static final int MAX_TESTS = 20;
    public static final int MAX_VALUES = 50;
    public static final int MAX_TEXT = 1000;

    /** A problem with one field of the condition. */
    public record Error(String field, String message) {
    }

    private final List<Error> errors = new ArrayList<>();
    private int tests;

    private ConditionRules() {
    }

    /** Every problem of {@code condition}, found at {@code path}; empty when it may be stored. */
    public static List<Error> check(Condition condition, String path) {
        ConditionRules rules = new ConditionRules();
        rules.check(condition, path, 1);
        if (rules.tests > MAX_TESTS) {
            rules.errors.add(new Error(path, "has " + rules.tests + " tests; at most " + MAX_TESTS));
        }
        return List.copyOf(rules.errors);
    }

    private void check(Condition c, String path, int depth) {
        if (c == null) {
            errors.add(new Error(path, "must be a condition object"));
            return;
        }
        int shapes = (c.all() != null ? 1 : 0) + (c.any() != null ? 1 : 0) + (c.not() != null ? 1 : 0)
                + (c.field() != null || c.op() != null ? 1 : 0);
        if (shapes != 1) {
            errors.add(new Error(path, "needs exactly one of all, any, not, or field with op"));
            return;
        }
        if (depth > MAX_DEPTH && c.field() == null) {
            errors.add(new Error(path, "nests all/any/not deeper than " + MAX_DEPTH + " levels"));
            return;
        }
        if (c.all() != null || c.any() != null) {
            String name = c.all() != null ? "all" : "any";
            List<Condition> parts = c.all() != null ? c.all() : c.any();
            if (c.value() != null || c.values() != null) {
                errors.add(new Error(path + "." + (c.value() != null ? "value" : "values"), "is not used with " + name));
            }
            if (parts.isEmpty()) {
                errors.add(new Error(path + "." + name, "needs at least one condition"));
            }
            for (int i = 0; i < parts.size(); i++) {
                check(parts.get(i), path + "." + name + "[" + i + "]", depth + 1);
            }
            return;
        }
        if (c.not() != null) {
            if (c.value() != null || c.values() != null) {
                errors.add(new Error(path + "." + (c.value() != null ? "value" : "values"), "is not used with not"));
            }
            check(c.not(), path + ".not", depth + 1);
            return;
        }
        test(c, path);
    }

    private void test(Condition c, String path) {
        tests++;
        Optional<ConditionField> field = ConditionField.parse(c.field());
        if (field.isEmpty()) {
            errors.add(new Error(path + ".field", c.field() == null ? "is required" : "must be one of "
                    + ConditionField.KNOWN + " (attribute keys: 1-64 of A-Z, a-z, 0-9, _ and -)"));
            return;
        }
        Optional<ConditionOp> op = ConditionOp.parse(c.op());
        if (op.isEmpty() || !field.get().kind().ops().contains(op.get())) {
            errors.add(new Error(path + ".op", (c.op() == null ? "is required" : "cannot be used here")
                    + "; for " + c.field() + ": " + String.join(", ",
                    field.get().kind().ops().stream().map(ConditionOp::wireName).toList())));
            return;
        }
        switch (op.get().operand()) {
            case NONE -> {
                unused(path, "value", c.value(), op.get());
                unused(path, "values", c.values(), op.get());
            }
            case VALUE -> {
                unused(path, "values", c.values(), op.get());
                value(field.get(), op.get(), c.value(), path + ".value");
            }
            case VALUES -> {
                unused(path, "value", c.value(), op.get());
                values(field.get(), op.get(), c.values(), path + ".values");
            }
        }
    }

    private void unused(String path, String name, Object given, ConditionOp op) {
        if (given != null) {
            errors.add(new Error(path + "." + name, "is not used by " + op.wireName()));
        }
    }

    private void values(ConditionField field, ConditionOp op, List<Object> values, String path) {
        if (op == ConditionOp.BETWEEN) {
            if (values == null || values.size() != 2) {
                errors.add(new Error(path, "needs two values: [from, to]"));
                return;
            }
            if (field.kind() == ConditionField.Kind.TIME) {
                for (int i = 0; i < 2; i++) {
                    value(field, op, values.get(i), path + "[" + i + "]");
                }
                return;
            }
            Optional<BigDecimal> from = numberAt(values.get(0), path + "[0]");
            Optional<BigDecimal> to = numberAt(values.get(1), path + "[1]");
            if (from.isPresent() && to.isPresent() && from.get().compareTo(to.get()) > 0) {
                errors.add(new Error(path, "must be [from, to] with from not above to"));
            }
            return;
        }
        if (values == null || values.isEmpty() || values.size() > MAX_VALUES) {
            errors.add(new Error(path, "needs 1 to " + MAX_VALUES + " values"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            value(field, op, values.get(i), path + "[" + i + "]");
        }
    }

    private Optional<BigDecimal> numberAt(Object value, String path) {
        Optional<BigDecimal> number = value instanceof Number ? ConditionValues.number(value) : Optional.empty();
        if (number.isEmpty()) {
            errors.add(new Error(path, "must be a number"));
        }
        return number;
    }

    private void value(ConditionField field, ConditionOp op, Object value, String path) {
        if (!ConditionValues.scalar(value)) {
            errors.add(new Error(path, "must be a string, a number or a boolean"));
            return;
        }
        if (value instanceof String s && (s.length() > MAX_TEXT)) {
            errors.add(new Error(path, "must be at most " + MAX_TEXT + " characters"));
            return;
        }
        switch (field.kind()) {
            case TIME -> {
                Optional<LocalTime> time = ConditionValues.time(value);
                if (time.isEmpty()) {
                    errors.add(new Error(path, "must be a time of day as HH:mm, e.g. 09:30"));
                }
            }
            case WEEKDAY -> {
                if (!ConditionField.WEEKDAYS.contains(value)) {
                    errors.add(new Error(path, "must be one of " + String.join(", ", ConditionField.WEEKDAYS)));
                }
            }
            case TAGS -> {
                if (!(value instanceof String tag) || !ContactTags.valid(tag)) {
                    errors.add(new Error(path, "must be a tag: " + ContactTags.RULE));
                }
            }
            case CHANNEL -> {
                if (!ConditionField.CHANNELS.contains(value)) {
                    errors.add(new Error(path, "must be one of " + String.join(", ", ConditionField.CHANNELS)));
                }
            }
            default -> {
                switch (op) {
                    case GT, GTE, LT, LTE -> numberAt(value, path);
                    case BEFORE, AFTER -> {
                        if (!ConditionValues.date(value)) {
                            errors.add(new Error(path, "must be a date (2008-12-07), an instant "
                                    + "(2026-12-07T09:00:00Z) or a period from today (-P18Y, P30D)"));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }
}
