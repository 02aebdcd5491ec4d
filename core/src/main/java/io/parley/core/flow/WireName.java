package io.parley.core.flow;

import java.util.Locale;
import java.util.Optional;

/** The JSON spelling of the flow enums: the constant's name in lower case ({@code QUICK_REPLIES} → "quick_replies"). */
final class WireName {

    private WireName() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(E[] constants, String text) {
        for (E constant : constants) {
            if (of(constant).equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
