package io.parley.worker.outbound.whatsapp;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * A WhatsApp template message for one recipient: the approved template by name and language, and this recipient's
 * values for its variables. What a broadcast's WhatsApp template reference ({name, language, variables}) renders to.
 *
 * @param body        one text per {@code {{n}}} of the template's body, in order
 * @param header      the header's value when the template has one with a variable or media, else null
 * @param buttons     values for buttons that take one: a quick reply's payload, a URL button's {{1}} suffix
 */
public record TemplateMessage(String name, String language, List<String> body, @Nullable Header header,
                              List<ButtonValue> buttons) {

    public TemplateMessage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        body = List.copyOf(body);
        buttons = List.copyOf(buttons);
    }

    public static TemplateMessage of(String name, String language, List<String> body) {
        return new TemplateMessage(name, language, body, null, List.of());
    }

    /** A header value: text for a TEXT header's {{1}}, or a media link for an IMAGE, VIDEO or DOCUMENT header. */
    public record Header(HeaderKind kind, String value) {
        public Header {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    public enum HeaderKind {
        TEXT, IMAGE, VIDEO, DOCUMENT
    }

    /** The value of the button at {@code index} (0-based, as in the template). */
    public record ButtonValue(int index, ButtonKind kind, String value) {
        public ButtonValue {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    public enum ButtonKind {
        /** A quick-reply button's payload, returned in the inbound {@code button.payload} when tapped. */
        QUICK_REPLY,
        /** The text that replaces a URL button's {{1}}. */
        URL
    }

    @Override
    public String toString() {
        return "TemplateMessage[" + name + "/" + language + "]"; // values may be personal data: not logged
    }
}
