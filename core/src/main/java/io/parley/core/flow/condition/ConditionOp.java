package io.parley.core.flow.condition;

import java.util.Locale;
import java.util.Optional;

/**
 * How a condition's field is compared. Typed: {@code gt}..{@code between} compare numbers (or times of day for the
 * {@code time} field); {@code before}/{@code after} compare dates; {@code equals}/{@code in} compare numbers
 * numerically when both sides are numbers, else as exact text.
 */
public enum ConditionOp {
    EQUALS(Operand.VALUE), NOT_EQUALS(Operand.VALUE), IN(Operand.VALUES), NOT_IN(Operand.VALUES),
    EXISTS(Operand.NONE), NOT_EXISTS(Operand.NONE), CONTAINS(Operand.VALUE),
    GT(Operand.VALUE), GTE(Operand.VALUE), LT(Operand.VALUE), LTE(Operand.VALUE), BETWEEN(Operand.VALUES),
    BEFORE(Operand.VALUE), AFTER(Operand.VALUE);

    /** What the op compares the field with: nothing, {@code value}, or {@code values}. */
    public enum Operand { NONE, VALUE, VALUES }

    private final Operand operand;

    ConditionOp(Operand operand) {
        this.operand = operand;
    }

    public Operand operand() {
        return operand;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConditionOp> parse(String text) {
        for (ConditionOp op : values()) {
            if (op.wireName().equals(text)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
