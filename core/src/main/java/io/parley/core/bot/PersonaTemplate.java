package io.parley.core.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{...}}} placeholders of personas and messages: {@code contact.displayName}, {@code contact.tier},
 * {@code contact.attributes.<key>}, {@code memory.<name>} (the bot's memory fields, core memory; which names a bot
 * declares is checked where the text is saved, see {@link #memoryNames}), {@code bot.name}, {@code setupUrl}
 * (welcome messages) and
 * {@code checkoutUrl:<offer id>} (welcome, limit and flow messages), which {@link #render} leaves in place: the
 * worker fills it per contact when the message is sent (core premium CheckoutLinks).
 * <p>Any placeholder may name a fallback after a bar, {@code {{contact.displayName|friend}}}: the text after the
 * first {@code |} (trimmed; it may be empty) stands in when the value is missing or blank, so "嗨 ！" becomes
 * "嗨 friend！" for a contact without a name. Placeholders are checked and filled by the name before the bar.
 * Kept deliberately small (no logic, no loops) so business users cannot write templates that fail at run time;
 * a full engine such as Mustache would add failure modes without a use.
 */
public final class PersonaTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern ATTRIBUTE = Pattern.compile("contact\\.attributes\\.[A-Za-z0-9_-]{1,64}");
    private static final String MEMORY = "memory.";
    private static final Pattern MEMORY_NAME = Pattern.compile(
            "memory\\." + io.parley.core.memory.MemoryRules.NAME_PATTERN);
    private static final List<String> FIXED = List.of("contact.displayName", "contact.tier", "bot.name");
    private static final String SETUP_URL = "setupUrl";
    private static final Pattern CHECKOUT_URL = Pattern.compile(
            "checkoutUrl:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PersonaTemplate() {
    }

    /**
     * Placeholders in {@code template} that Parley does not know, in order of appearance. {@code {{setupUrl}}} is
     * known only where a setup link exists ({@code setupUrlAllowed}: welcome messages and flow replies).
     */
    public static List<String> unknownPlaceholders(String template, boolean setupUrlAllowed) {
        return unknownPlaceholders(template, setupUrlAllowed, setupUrlAllowed);
    }

    /** As above; {@code {{checkoutUrl:<offer id>}}} is known where {@code checkoutUrlAllowed}. */
    public static List<String> unknownPlaceholders(String template, boolean setupUrlAllowed,
                                                   boolean checkoutUrlAllowed) {
        List<String> unknown = new ArrayList<>();
        if (template == null) {
            return unknown;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = nameOf(matcher.group(1));
            boolean known = FIXED.contains(name) || ATTRIBUTE.matcher(name).matches()
                    || MEMORY_NAME.matcher(name).matches()
                    || (setupUrlAllowed && SETUP_URL.equals(name))
                    || (checkoutUrlAllowed && CHECKOUT_URL.matcher(name).matches());
            if (!known) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** The memory field names {@code template} reads ({@code {{memory.<name>}}}), in order of appearance. */
    public static List<String> memoryNames(String template) {
        List<String> names = new ArrayList<>();
        if (template == null) {
            return names;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = nameOf(matcher.group(1));
            if (MEMORY_NAME.matcher(name).matches()) {
                names.add(name.substring(MEMORY.length()));
            }
        }
        return names;
    }

    /** Fills the placeholders; unknown or missing values become their fallback ({@code |text}), else empty text. */
    public static String render(String template, Function<String, String> values) {
        if (template == null || template.isEmpty()) {
            return template;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            String value = values.apply(nameOf(placeholder));
            if (value == null || value.isBlank()) {
                value = fallbackOf(placeholder);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The placeholder's name: what comes before the fallback's bar, trimmed. */
    private static String nameOf(String placeholder) {
        int bar = placeholder.indexOf('|');
        return bar < 0 ? placeholder : placeholder.substring(0, bar).strip();
    }

    /** The placeholder's fallback text (after the first bar, trimmed), or empty text when it names none. */
    private static String fallbackOf(String placeholder) {
        int bar = placeholder.indexOf('|');
        return bar < 0 ? "" : placeholder.substring(bar + 1).strip();
    }

    /** Values for a contact: display name, tier and attributes. */
    public static Function<String, String> contactValues(String displayName, String tier, Map<String, ?> attributes,
                                                         String botName, String setupUrl) {
        return contactValues(displayName, tier, attributes, botName, setupUrl, Map::of);
    }

    /** Values for a contact and its memory values ({@code memory} is asked only when a text reads one). */
    public static Function<String, String> contactValues(String displayName, String tier, Map<String, ?> attributes,
                                                         String botName, String setupUrl,
                                                         java.util.function.Supplier<? extends Map<String, ?>> memory) {
        return name -> switch (name) {
            case "contact.displayName" -> displayName;
            case "contact.tier" -> tier;
            case "bot.name" -> botName;
            case SETUP_URL -> setupUrl;
            default -> {
                if (CHECKOUT_URL.matcher(name).matches()) {
                    yield "{{" + name + "}}"; // filled when the message is sent, per contact
                }
                if (name.startsWith(MEMORY)) {
                    Object value = memory.get().get(name.substring(MEMORY.length()));
                    yield value == null ? null : value.toString();
                }
                if (name.startsWith("contact.attributes.")) {
                    Object value = attributes == null ? null : attributes.get(name.substring("contact.attributes.".length()));
                    yield value == null ? null : value.toString();
                }
                yield null;
            }
        };
    }
}
