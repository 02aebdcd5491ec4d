package io.parley.worker.outbound.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.parley.core.flow.Step;
import io.parley.worker.outbound.OutboundMessage;

import java.util.List;

import static io.parley.worker.outbound.whatsapp.WhatsAppWire.cut;

/**
 * Cards, lists and link buttons as WhatsApp interactive messages (Cloud API, "Interactive reply buttons", "List
 * messages" and "Interactive CTA URL messages":
 * https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages,
 * .../interactive-list-messages, .../interactive-cta-url-messages):
 * <ul>
 *   <li>a card with buttons: reply buttons (≤ 3, titles ≤ 20) under an image header (or a text header, the title,
 *       ≤ 60); with an image the title leads the body in bold. Reply buttons and a URL button cannot share a
 *       message, so a card with both puts its link into the body as {@code label: url} (WhatsApp makes it
 *       clickable);</li>
 *   <li>a card with only a link: a CTA URL message (one button, display text ≤ 20) with the same header;</li>
 *   <li>a card with neither: an image with the title and text as caption, or a text message;</li>
 *   <li>a list: a list message, its button ≤ 20, one section of ≤ 10 rows (title ≤ 24, description ≤ 72);</li>
 *   <li>a link button: a CTA URL message.</li>
 * </ul>
 * Bodies are at most 1,024 characters (4,096 for lists).
 */
final class WhatsAppInteractive {

    static final int MAX_HEADER_TEXT = 60;
    static final int MAX_BODY = 1024;

    private WhatsAppInteractive() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Header(String type, @Nullable String text, @Nullable Media image) {
    }

    @Serdeable
    record Media(String link) {
    }

    @Serdeable
    record CtaAction(String name, CtaParameters parameters) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CtaParameters(String displayText, String url) {
    }

    static WhatsAppWire.Send render(String to, OutboundMessage message) {
        return switch (message.kind()) {
            case CARD -> card(to, message);
            case LIST -> interactive(to, new WhatsAppWire.Interactive("list", null,
                    new WhatsAppWire.Body(cut(message.text(), 4096)), new WhatsAppWire.Action(null,
                    cut(message.title(), 20), List.of(new WhatsAppWire.Section(rows(message))))));
            case LINK -> interactive(to, new WhatsAppWire.Interactive("cta_url", null,
                    new WhatsAppWire.Body(cut(message.text(), MAX_BODY)), cta(message.link())));
            default -> throw new IllegalArgumentException("not a rich message: " + message.kind());
        };
    }

    private static WhatsAppWire.Send card(String to, OutboundMessage message) {
        Header header = message.imageUrl() != null ? new Header("image", null, new Media(message.imageUrl()))
                : new Header("text", cut(message.title(), MAX_HEADER_TEXT), null);
        String body = message.imageUrl() != null ? "*" + message.title() + "*\n\n" + message.text() : message.text();
        Step.Link link = message.link();
        if (!message.buttons().isEmpty()) {
            String withLink = link == null ? body : body + "\n\n" + link.label() + ": " + link.url();
            return interactive(to, new WhatsAppWire.Interactive("button", header,
                    new WhatsAppWire.Body(cut(withLink, MAX_BODY)), new WhatsAppWire.Action(message.buttons().stream()
                    .limit(WhatsAppWire.MAX_BUTTONS).map(button -> new WhatsAppWire.ReplyButton("reply",
                            new WhatsAppWire.Reply(button.postback(), cut(button.label(), 20)))).toList(), null, null)));
        }
        if (link != null) {
            return interactive(to, new WhatsAppWire.Interactive("cta_url", header,
                    new WhatsAppWire.Body(cut(body, MAX_BODY)), cta(link)));
        }
        String whole = "*" + message.title() + "*\n\n" + message.text();
        return message.imageUrl() != null
                ? new WhatsAppWire.Send("whatsapp", "individual", to, "image", null, null,
                        new WhatsAppWire.Image(message.imageUrl(), cut(whole, MAX_BODY)))
                : new WhatsAppWire.Send("whatsapp", "individual", to, "text", new WhatsAppWire.Text(false, whole),
                        null, null);
    }

    private static List<WhatsAppWire.Row> rows(OutboundMessage message) {
        List<Step.Button> options = message.buttons();
        return java.util.stream.IntStream.range(0, Math.min(options.size(), WhatsAppWire.MAX_ROWS))
                .mapToObj(i -> {
                    String description = i < message.descriptions().size() ? message.descriptions().get(i) : "";
                    return new WhatsAppWire.Row(options.get(i).postback(), cut(options.get(i).label(), 24),
                            description.isBlank() ? null : cut(description, 72));
                }).toList();
    }

    private static CtaAction cta(Step.Link link) {
        return new CtaAction("cta_url", new CtaParameters(cut(link.label(), 20), link.url()));
    }

    private static WhatsAppWire.Send interactive(String to, WhatsAppWire.Interactive interactive) {
        return new WhatsAppWire.Send("whatsapp", "individual", to, "interactive", null, interactive, null);
    }
}
