package io.parley.core.broadcast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a broadcast sends (docs/broadcasts.md "The message"): 1 to 5 parts (text, buttons, image; LINE sends them all
 * in one request, the other channels take one part), and for WhatsApp optionally a template reference whose body
 * variables come from contact fields. Texts and variables may use {@code {{contact.displayName}}},
 * {@code {{contact.tier}}} and {@code {{contact.attributes.<key>}}}, rendered per recipient when it is planned.
 */
@Serdeable
public record BroadcastMessage(List<Part> parts, @Nullable Template template) {

    public static final int MAX_PARTS = 5;

    /** {@code type}: text, buttons or image. */
    @Serdeable
    public record Part(String type, @Nullable String text, @Nullable List<Button> buttons, @Nullable String imageUrl,
                       @Nullable String previewUrl) {
    }

    @Serdeable
    public record Button(String label, String postback) {
    }

    /** A WhatsApp message template by name and language; body parameters {{1}}, {{2}}… in order. */
    @Serdeable
    public record Template(String name, String language, @Nullable List<String> bodyVariables) {
    }

    /** The contact fields placeholders can name. */
    public record ContactFields(@Nullable String displayName, String tier, Map<String, Object> attributes) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{\\s*contact\\.(displayName|tier|attributes\\.([A-Za-z0-9_-]{1,64}))\\s*}}");

    public BroadcastMessage {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** True when some text names a contact field, so recipients get content of their own. */
    public boolean personal() {
        return !render(new ContactFields("\u0000", "\u0000", Map.of())).equals(this);
    }

    /** The message with every placeholder replaced by the contact's value (an unknown value becomes ""). */
    public BroadcastMessage render(ContactFields contact) {
        List<Part> rendered = new ArrayList<>();
        for (Part part : parts) {
            rendered.add(new Part(part.type(), fill(part.text(), contact), part.buttons(), part.imageUrl(),
                    part.previewUrl()));
        }
        Template t = template == null ? null : new Template(template.name(), template.language(),
                template.bodyVariables() == null ? null
                        : template.bodyVariables().stream().map(v -> fill(v, contact)).toList());
        return new BroadcastMessage(rendered, t);
    }

    @Nullable
    static String fill(@Nullable String text, ContactFields contact) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = switch (matcher.group(1)) {
                case "displayName" -> contact.displayName();
                case "tier" -> contact.tier();
                default -> contact.attributes().get(matcher.group(2));
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
