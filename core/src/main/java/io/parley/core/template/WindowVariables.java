package io.parley.core.template;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.PersonaTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The placeholders a 24-hour fallback template's variables may hold: the contact's fields as in personas
 * ({@code contact.displayName}, {@code contact.tier}, {@code contact.attributes.<key>}, {@code bot.name}) and
 * {@code message.text}, the text of the message WhatsApp refused. Reuses {@link PersonaTemplate}'s small syntax
 * rather than a template engine (same reason as there).
 */
public final class WindowVariables {

    public static final String MESSAGE_TEXT = "message.text";
    /** WhatsApp's limit for one text parameter is not published for body params; keep them short and non-empty. */
    public static final int MAX_VALUE = 1024;

    private WindowVariables() {
    }

    /** Placeholders Parley cannot fill, in order of appearance. */
    public static List<String> unknown(String variable) {
        List<String> unknown = new ArrayList<>();
        for (String name : PersonaTemplate.unknownPlaceholders(variable, false, false)) {
            if (!MESSAGE_TEXT.equals(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /**
     * Each variable rendered for the contact and the refused message's text. WhatsApp refuses empty text parameters,
     * so an empty value becomes "-".
     */
    public static List<String> render(List<String> variables, @Nullable String displayName, String tier,
                                      Map<String, ?> attributes, String botName, @Nullable String messageText) {
        Function<String, String> contact = PersonaTemplate.contactValues(displayName, tier, attributes, botName, null);
        Function<String, String> values = name -> MESSAGE_TEXT.equals(name) ? messageText : contact.apply(name);
        List<String> rendered = new ArrayList<>();
        for (String variable : variables) {
            String value = PersonaTemplate.render(variable, values).strip();
            if (value.length() > MAX_VALUE) {
                value = value.substring(0, MAX_VALUE - 1) + "…";
            }
            rendered.add(value.isEmpty() ? "-" : value);
        }
        return rendered;
    }
}
