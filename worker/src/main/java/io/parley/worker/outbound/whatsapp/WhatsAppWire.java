package io.parley.worker.outbound.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.parley.core.flow.Step;
import io.parley.worker.outbound.OutboundMessage;

import java.util.List;

/**
 * WhatsApp Cloud API request bodies for {@code POST /{phone-number-id}/messages}
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages), and how an {@link OutboundMessage}
 * becomes one: text; up to 3 buttons as interactive reply buttons (titles ≤ 20 characters, body ≤ 1,024); 4 to 10 as
 * an interactive list (row titles ≤ 24, the full label as the row description when it is longer); more than 10
 * rows is not possible, so only the first 10 are offered; an image by link with the text as caption.
 */
final class WhatsAppWire {

    static final int MAX_BUTTONS = 3;
    static final int MAX_ROWS = 10;
    static final String LIST_BUTTON = "Options";

    private WhatsAppWire() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Send(String messagingProduct, String recipientType, String to, String type, @Nullable Text text,
                @Nullable Interactive interactive, @Nullable Image image) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Text(boolean previewUrl, String body) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Image(String link, @Nullable String caption) {
    }

    /** {@code header} ({@link WhatsAppInteractive.Header}) only for cards; {@code action} an {@link Action} or a CTA. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Interactive(String type, @Nullable Object header, Body body, Object action) {

        Interactive(String type, Body body, Action action) {
            this(type, null, body, action);
        }

        @io.micronaut.core.annotation.Creator
        Interactive {
        }
    }

    @Serdeable
    record Body(String text) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Action(@Nullable List<ReplyButton> buttons, @Nullable String button, @Nullable List<Section> sections) {
    }

    @Serdeable
    record ReplyButton(String type, Reply reply) {
    }

    @Serdeable
    record Reply(String id, String title) {
    }

    @Serdeable
    record Section(List<Row> rows) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String id, String title, @Nullable String description) {
    }

    /** Marks an inbound message (and the ones before it) read and shows the typing indicator. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record MarkRead(String messagingProduct, String status, String messageId, TypingIndicator typingIndicator) {
    }

    @Serdeable
    record TypingIndicator(String type) {
    }

    static Send render(String to, OutboundMessage message) {
        return switch (message.kind()) {
            // a carousel reaches WhatsApp as one card message per card (the turn's OutboundMessage.on); a row that
            // is one anyway goes as its text: every card's title and text
            case TEXT, CAROUSEL -> send(to, "text", new Text(false, message.text()), null, null);
            case IMAGE -> send(to, "image", null, null, new Image(message.imageUrl(), message.text()));
            case BUTTONS -> send(to, "interactive", null, interactive(message), null);
            case CARD, LIST, LINK -> WhatsAppInteractive.render(to, message);
        };
    }

    static MarkRead markRead(String wamid) {
        return new MarkRead("whatsapp", "read", wamid, new TypingIndicator("text"));
    }

    private static Send send(String to, String type, @Nullable Text text, @Nullable Interactive interactive,
                             @Nullable Image image) {
        return new Send("whatsapp", "individual", to, type, text, interactive, image);
    }

    private static Interactive interactive(OutboundMessage message) {
        List<Step.Button> buttons = message.buttons();
        if (buttons.size() <= MAX_BUTTONS) {
            return new Interactive("button", new Body(cut(message.text(), 1024)), new Action(buttons.stream()
                    .map(button -> new ReplyButton("reply", new Reply(button.postback(), cut(button.label(), 20))))
                    .toList(), null, null));
        }
        List<Row> rows = buttons.stream().limit(MAX_ROWS).map(button -> new Row(button.postback(),
                cut(button.label(), 24), button.label().length() > 24 ? cut(button.label(), 72) : null)).toList();
        return new Interactive("list", new Body(cut(message.text(), 4096)),
                new Action(null, LIST_BUTTON, List.of(new Section(rows))));
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
