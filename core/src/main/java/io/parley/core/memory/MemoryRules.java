package io.parley.core.memory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a bot's memory fields before they are stored, collecting every problem with its path
 * ({@code fields[1].step}) so the API answers one 400 naming each. The turn never sees fields these rules refused.
 */
public final class MemoryRules {

    public static final int MAX_FIELDS = 20;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_ENUM_VALUES = 50;
    public static final int MAX_ENUM_VALUE = 100;
    public static final int MAX_TEXT_LENGTH = 1000;
    /** A name usable as {@code {{memory.<name>}}}, in conditions and as a JSON property of the tool's schema. */
    public static final String NAME_PATTERN = "[a-z][A-Za-z0-9_]{0,39}";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    /** A problem with one part of the fields. */
    public record Error(String field, String message) {
    }

    private final List<Error> errors = new ArrayList<>();

    private MemoryRules() {
    }

    /** Every problem of {@code fields}; empty when they may be stored. */
    public static List<Error> check(List<MemoryField> fields) {
        MemoryRules rules = new MemoryRules();
        if (fields.size() > MAX_FIELDS) {
            rules.errors.add(new Error("fields", "has " + fields.size() + " fields; at most " + MAX_FIELDS));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            MemoryField field = fields.get(i);
            String at = "fields[" + i + "]";
            if (field == null) {
                rules.errors.add(new Error(at, "must be a field object"));
                continue;
            }
            if (field.name() != null && !names.add(field.name())) {
                rules.errors.add(new Error(at + ".name", "repeats the name " + field.name()));
            }
            rules.field(field, at);
        }
        return List.copyOf(rules.errors);
    }

    private void field(MemoryField f, String at) {
        if (f.name() == null || !NAME.matcher(f.name()).matches()) {
            error(at + ".name", "must be a letter a-z then up to 39 letters, digits or _");
        }
        if (f.description() != null && f.description().length() > MAX_DESCRIPTION) {
            error(at + ".description", "is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (MemoryField.Scope.parse(f.scope()).isEmpty()) {
            error(at + ".scope", "must be contact or conversation");
        }
        Optional<MemoryField.Type> type = MemoryField.Type.parse(f.type());
        if (type.isEmpty()) {
            error(at + ".type", "must be number, enum, text or boolean");
            return;
        }
        MemoryField.Type kind = type.get();
        unused(f.min() != null && kind != MemoryField.Type.NUMBER, at + ".min", "number");
        unused(f.max() != null && kind != MemoryField.Type.NUMBER, at + ".max", "number");
        unused(f.step() != null && kind != MemoryField.Type.NUMBER, at + ".step", "number");
        unused(f.values() != null && kind != MemoryField.Type.ENUM, at + ".values", "enum");
        unused(f.maxLength() != null && kind != MemoryField.Type.TEXT, at + ".maxLength", "text");
        switch (kind) {
            case NUMBER -> number(f, at);
            case ENUM -> enumeration(f, at);
            case TEXT -> {
                if (f.maxLength() != null && (f.maxLength() < 1 || f.maxLength() > MAX_TEXT_LENGTH)) {
                    error(at + ".maxLength", "must be 1-" + MAX_TEXT_LENGTH);
                }
            }
            case BOOLEAN -> {
            }
        }
        if (f.defaultValue() != null && MemoryBounds.exact(f, f.defaultValue()).isEmpty()) {
            error(at + ".defaultValue", "is not a valid value of the field (" + describe(f) + ")");
        }
    }

    private void number(MemoryField f, String at) {
        if (f.min() == null) {
            error(at + ".min", "is required for a number");
        }
        if (f.max() == null) {
            error(at + ".max", "is required for a number");
        }
        if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) >= 0) {
            error(at + ".max", "must be greater than min");
        }
        if (f.step() != null) {
            if (f.step().signum() <= 0) {
                error(at + ".step", "must be greater than 0");
            } else if (f.min() != null && f.max() != null && f.step().compareTo(f.max().subtract(f.min())) > 0) {
                error(at + ".step", "must not be greater than max - min");
            }
        }
    }

    private void enumeration(MemoryField f, String at) {
        if (f.values() == null || f.values().isEmpty() || f.values().size() > MAX_ENUM_VALUES) {
            error(at + ".values", "needs 1-" + MAX_ENUM_VALUES + " values");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < f.values().size(); i++) {
            String value = f.values().get(i);
            if (value == null || value.isBlank() || value.length() > MAX_ENUM_VALUE) {
                error(at + ".values[" + i + "]", "must be a text of 1-" + MAX_ENUM_VALUE + " characters");
            } else if (!seen.add(value)) {
                error(at + ".values[" + i + "]", "repeats " + value);
            }
        }
    }

    private void unused(boolean set, String path, String type) {
        if (set) {
            error(path, "is only used with type " + type);
        }
    }

    private void error(String field, String message) {
        errors.add(new Error(field, message));
    }

    /** The field's type and bounds in a few words, for messages and for the model. */
    public static String describe(MemoryField f) {
        return switch (MemoryField.Type.parse(f.type()).orElse(MemoryField.Type.TEXT)) {
            case NUMBER -> "a number from " + plain(f.min()) + " to " + plain(f.max())
                    + (f.step() == null ? "" : ", changed by at most " + plain(f.step()) + " per turn");
            case ENUM -> "one of " + (f.values() == null ? "" : String.join(", ", f.values()));
            case TEXT -> "a text of at most " + f.textLimit() + " characters";
            case BOOLEAN -> "true or false";
        };
    }

    private static String plain(BigDecimal number) {
        return number == null ? "?" : number.stripTrailingZeros().toPlainString();
    }
}
