package io.parley.core.flow.condition;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a condition holds for {@link ConditionFacts}. Pure and total: a field that is missing or does not
 * read as the op's type makes a positive test false (and its {@code not_...} twin true), never an error, so a
 * contact with odd attributes simply does not match. A null condition holds.
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    public static boolean holds(@Nullable Condition condition, ConditionFacts facts) {
        if (condition == null) {
            return true;
        }
        if (condition.all() != null) {
            return condition.all().stream().allMatch(c -> holds(c, facts));
        }
        if (condition.any() != null) {
            return condition.any().stream().anyMatch(c -> holds(c, facts));
        }
        if (condition.not() != null) {
            return !holds(condition.not(), facts);
        }
        Optional<ConditionField> field = ConditionField.parse(condition.field());
        Optional<ConditionOp> op = ConditionOp.parse(condition.op());
        if (field.isEmpty() || op.isEmpty()) {
            return false; // refused by ConditionRules when saved; a stored one from elsewhere never holds
        }
        return test(field.get(), op.get(), condition, facts);
    }

    private static boolean test(ConditionField field, ConditionOp op, Condition c, ConditionFacts facts) {
        if (field.kind() == ConditionField.Kind.TIME) {
            return time(op, c, LocalTime.from(LocalDateTime.ofInstant(facts.now(), facts.zone().get())));
        }
        Object actual = read(field, facts);
        if (field.kind() == ConditionField.Kind.TAGS && op == ConditionOp.IN) {
            return c.values() != null && c.values().stream().anyMatch(v -> contains(actual, v));
        }
        return switch (op) {
            case EXISTS -> exists(actual);
            case NOT_EXISTS -> !exists(actual);
            case EQUALS -> same(actual, c.value());
            case NOT_EQUALS -> !same(actual, c.value());
            case IN -> c.values() != null && c.values().stream().anyMatch(v -> same(actual, v));
            case NOT_IN -> c.values() == null || c.values().stream().noneMatch(v -> same(actual, v));
            case CONTAINS -> contains(actual, c.value());
            case GT -> compare(actual, c.value()) > 0;
            case GTE -> compare(actual, c.value()) >= 0 && comparable(actual, c.value());
            case LT -> compare(actual, c.value()) < 0 && comparable(actual, c.value());
            case LTE -> compare(actual, c.value()) <= 0 && comparable(actual, c.value());
            case BETWEEN -> c.values() != null && c.values().size() == 2 && comparable(actual, c.values().get(0))
                    && comparable(actual, c.values().get(1))
                    && compare(actual, c.values().get(0)) >= 0 && compare(actual, c.values().get(1)) <= 0;
            case BEFORE -> date(actual, c.value(), facts).map(d -> d < 0).orElse(false);
            case AFTER -> date(actual, c.value(), facts).map(d -> d > 0).orElse(false);
        };
    }

    @Nullable
    private static Object read(ConditionField field, ConditionFacts facts) {
        return switch (field.kind()) {
            case TIER -> facts.tier();
            case DISPLAY_NAME -> facts.displayName();
            case PERSONA_OVERRIDE -> facts.personaOverride() ? Boolean.TRUE : null;
            case ACCESS_CODE -> facts.accessCode().getAsBoolean() ? Boolean.TRUE : null;
            case TAGS -> facts.tags();
            case ATTRIBUTE -> facts.attributes().get(field.key());
            case VARIABLE -> facts.variables().get(field.key());
            case MEMORY -> facts.memory().get().get(field.key());
            case CHANNEL -> facts.channel();
            case WEEKDAY -> ConditionField.WEEKDAYS.get(
                    LocalDateTime.ofInstant(facts.now(), facts.zone().get()).getDayOfWeek().getValue() - 1);
            case TIME -> null; // handled before
        };
    }

    private static boolean exists(@Nullable Object value) {
        return value != null && !(value instanceof String s && s.isBlank())
                && !(value instanceof Collection<?> list && list.isEmpty());
    }

    /** Numbers compare numerically ("18" equals 18), anything else as exact text ("true" equals true). */
    private static boolean same(@Nullable Object actual, @Nullable Object expected) {
        if (actual == null || expected == null || actual instanceof Collection<?>) {
            return false;
        }
        Optional<BigDecimal> a = ConditionValues.number(actual);
        Optional<BigDecimal> b = ConditionValues.number(expected);
        if (a.isPresent() && b.isPresent()) {
            return a.get().compareTo(b.get()) == 0;
        }
        return actual.toString().equals(expected.toString());
    }

    /** A list attribute holds the value, or a text attribute has it as a substring. */
    private static boolean contains(@Nullable Object actual, @Nullable Object expected) {
        if (actual instanceof Collection<?> list) {
            return list.stream().anyMatch(item -> same(item, expected));
        }
        return actual instanceof String text && expected != null && text.contains(expected.toString());
    }

    private static boolean comparable(@Nullable Object actual, @Nullable Object expected) {
        return ConditionValues.number(actual).isPresent() && ConditionValues.number(expected).isPresent();
    }

    /** Negative, zero or positive like compareTo; 0 when either side is not a number (callers check comparable). */
    private static int compare(@Nullable Object actual, @Nullable Object expected) {
        Optional<BigDecimal> a = ConditionValues.number(actual);
        Optional<BigDecimal> b = ConditionValues.number(expected);
        return a.isPresent() && b.isPresent() ? a.get().compareTo(b.get()) : 0;
    }

    private static Optional<Integer> date(@Nullable Object actual, @Nullable Object expected, ConditionFacts facts) {
        ZoneId zone = facts.zone().get();
        Optional<Instant> a = ConditionValues.instant(actual, facts.now(), zone);
        Optional<Instant> b = ConditionValues.instant(expected, facts.now(), zone);
        return a.isPresent() && b.isPresent() ? Optional.of(a.get().compareTo(b.get())) : Optional.empty();
    }

    /** Times of day: before/after strictly; between is [from, to), wrapping past midnight when from is later. */
    private static boolean time(ConditionOp op, Condition c, LocalTime now) {
        return switch (op) {
            case BEFORE -> ConditionValues.time(c.value()).map(now::isBefore).orElse(false);
            case AFTER -> ConditionValues.time(c.value()).map(now::isAfter).orElse(false);
            case BETWEEN -> {
                List<Object> values = c.values();
                Optional<LocalTime> from = values == null || values.size() != 2 ? Optional.empty()
                        : ConditionValues.time(values.get(0));
                Optional<LocalTime> to = from.isEmpty() ? Optional.empty() : ConditionValues.time(values.get(1));
                if (to.isEmpty()) {
                    yield false;
                }
                boolean wraps = from.get().isAfter(to.get());
                yield wraps ? !now.isBefore(from.get()) || now.isBefore(to.get())
                        : !now.isBefore(from.get()) && now.isBefore(to.get());
            }
            default -> false;
        };
    }
}
