package io.parley.core.flow.capture;

import io.parley.core.flow.FlowLimits;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an {@code ask} step keeps the answer: {@code contact.attributes.<key>} (the contact's profile, seen by every
 * conversation, the persona and {@code {{contact.attributes.<key>}}}) or {@code conversation.variables.<key>} (this
 * conversation only, for conditions).
 */
public record SaveTarget(boolean contact, String key) {

    private static final String ATTRIBUTES = "contact.attributes.";
    private static final String VARIABLES = "conversation.variables.";
    private static final Pattern KEY = Pattern.compile(FlowLimits.ATTRIBUTE_KEY_PATTERN);

    public static Optional<SaveTarget> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean contact = text.startsWith(ATTRIBUTES);
        if (!contact && !text.startsWith(VARIABLES)) {
            return Optional.empty();
        }
        String key = text.substring(contact ? ATTRIBUTES.length() : VARIABLES.length());
        return KEY.matcher(key).matches() ? Optional.of(new SaveTarget(contact, key)) : Optional.empty();
    }
}
