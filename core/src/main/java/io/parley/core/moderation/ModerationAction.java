package io.parley.core.moderation;

import java.util.Arrays;
import java.util.Locale;

/** What a flagged category does, from the strongest: crisis message + hand-off + alert, a refusal, a flag only. */
public enum ModerationAction {
    CRISIS, REFUSE, FLAG;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModerationAction of(String wireName) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown moderation action " + wireName));
    }

    /** The stronger of two actions. */
    public ModerationAction max(ModerationAction other) {
        return other.ordinal() < ordinal() ? other : this;
    }
}
