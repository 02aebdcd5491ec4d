package io.parley.core.memory;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Bounds a proposed value to its field's type. {@link #moved} is for the LLM: numbers are clamped to min/max and
 * moved by at most {@code step} from the current value, texts truncated; {@link #exact} is for people and defaults:
 * the value must already be valid. Both answer empty for a value of the wrong type (a text for a number, an enum
 * value the field does not have), which is then ignored.
 */
public final class MemoryBounds {

    private MemoryBounds() {
    }

    /** What the LLM's proposal becomes, from {@code current} (null: the field has no value yet). */
    public static Optional<Object> moved(MemoryField field, @Nullable Object current, @Nullable Object proposed) {
        if (proposed == null) {
            return Optional.empty();
        }
        return switch (field.kind()) {
            case NUMBER -> {
                if (!(proposed instanceof Number number)) {
                    yield Optional.empty();
                }
                BigDecimal value = clamp(field, new BigDecimal(number.toString()));
                if (field.step() != null && current instanceof Number now) {
                    BigDecimal from = new BigDecimal(now.toString());
                    BigDecimal delta = value.subtract(from);
                    if (delta.abs().compareTo(field.step()) > 0) {
                        value = clamp(field, from.add(field.step().multiply(BigDecimal.valueOf(delta.signum()))));
                    }
                }
                yield Optional.of(normalize(value));
            }
            case TEXT -> proposed instanceof String text ? Optional.of(truncate(text.strip(), field.textLimit()))
                    : Optional.empty();
            case ENUM, BOOLEAN -> exact(field, proposed);
        };
    }

    /** The value when it is valid for the field as it is; numbers normalized (50.0 is 50). */
    public static Optional<Object> exact(MemoryField field, @Nullable Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (field.kind()) {
            case NUMBER -> {
                if (!(value instanceof Number number)) {
                    yield Optional.empty();
                }
                BigDecimal decimal = new BigDecimal(number.toString());
                boolean inside = field.min() != null && field.max() != null && decimal.compareTo(field.min()) >= 0
                        && decimal.compareTo(field.max()) <= 0;
                yield inside ? Optional.of(normalize(decimal)) : Optional.empty();
            }
            case ENUM -> value instanceof String text && field.values() != null && field.values().contains(text)
                    ? Optional.of(text) : Optional.empty();
            case TEXT -> value instanceof String text && text.codePointCount(0, text.length()) <= field.textLimit()
                    ? Optional.of(text) : Optional.empty();
            case BOOLEAN -> value instanceof Boolean ? Optional.of(value) : Optional.empty();
        };
    }

    private static BigDecimal clamp(MemoryField field, BigDecimal value) {
        BigDecimal bounded = value;
        if (field.min() != null && bounded.compareTo(field.min()) < 0) {
            bounded = field.min();
        }
        if (field.max() != null && bounded.compareTo(field.max()) > 0) {
            bounded = field.max();
        }
        return bounded;
    }

    /** Whole numbers as a long (stored and shown as 55, not 55.0), others as a plain decimal. */
    static Object normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return stripped.longValueExact();
        }
        return stripped;
    }

    private static String truncate(String text, int limit) {
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit));
    }
}
