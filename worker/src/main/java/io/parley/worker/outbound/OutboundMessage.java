package io.parley.worker.outbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Step;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One outbound message as the senders see it, read from a {@code messages} row. The row's {@code type} says what it
 * is and its {@code payload} carries the rest, in the JSON shape of the flow step it came from ({@link Step}):
 * <ul>
 *   <li>{@code text}: {@code messages.text};</li>
 *   <li>{@code buttons}: {@code messages.text} plus payload
 *       {@code {"buttons": [{"label": "…", "postback": "…"}], "style": "buttons" | "quick_replies"}};</li>
 *   <li>{@code image}: payload {@code {"url": "https://…", "previewUrl": "https://…"}} ({@code messages.text}, if
 *       any, becomes a caption where the channel has one).</li>
 * </ul>
 * Cards, lists, links and carousels: see the turn's {@code OutboundMessage}. A carousel's buttons are every card's
 * buttons in order in {@link #buttons()} (so shortening postback data and typed numbers treat them like any other
 * message's), and {@link #cards()} says which card has how many of them.
 * Any other type with text is sent as text. Payload keys the senders add ({@code postbackRefs}) are ignored here.
 */
public record OutboundMessage(UUID id, Kind kind, @Nullable String text, List<Step.Button> buttons, Step.Style style,
                              @Nullable String imageUrl, @Nullable String previewUrl, @Nullable String title,
                              List<String> descriptions, @Nullable Step.Link link, List<Card> cards) {

    public enum Kind { TEXT, BUTTONS, IMAGE, CARD, LIST, LINK, CAROUSEL }

    /** One card of a carousel: what it shows, and how many of the message's {@link #buttons()} are its own. */
    public record Card(String title, String text, @Nullable String imageUrl, int buttonCount) {
    }

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        buttons = List.copyOf(buttons);
        descriptions = List.copyOf(descriptions);
        cards = List.copyOf(cards);
    }

    public OutboundMessage(UUID id, Kind kind, @Nullable String text, List<Step.Button> buttons, Step.Style style,
                           @Nullable String imageUrl, @Nullable String previewUrl, @Nullable String title,
                           List<String> descriptions, @Nullable Step.Link link) {
        this(id, kind, text, buttons, style, imageUrl, previewUrl, title, descriptions, link, List.of());
    }

    /** Each card of a carousel with its own buttons, in order. */
    public List<Map.Entry<Card, List<Step.Button>>> cardsWithButtons() {
        List<Map.Entry<Card, List<Step.Button>>> out = new ArrayList<>();
        int from = 0;
        for (Card card : cards) {
            out.add(Map.entry(card, buttons.subList(from, from + card.buttonCount())));
            from += card.buttonCount();
        }
        return out;
    }

    public OutboundMessage(UUID id, Kind kind, @Nullable String text, List<Step.Button> buttons, Step.Style style,
                           @Nullable String imageUrl, @Nullable String previewUrl) {
        this(id, kind, text, buttons, style, imageUrl, previewUrl, null, List.of(), null);
    }

    /** Throws {@link IllegalArgumentException} with the reason when the row holds nothing a channel could send. */
    static OutboundMessage of(MessageRow row, JsonMapper json) {
        Map<String, Object> payload = payload(row, json);
        String text = row.text() == null || row.text().isBlank() ? null : row.text();
        if ("image".equals(row.type())) {
            String url = string(payload.get("url"));
            if (url == null) {
                throw new IllegalArgumentException("the image message has no url");
            }
            String preview = string(payload.get("previewUrl"));
            return new OutboundMessage(row.id(), Kind.IMAGE, text, List.of(), Step.Style.BUTTONS, url,
                    preview == null ? url : preview);
        }
        if (text == null) {
            throw new IllegalArgumentException("the " + row.type() + " message has no text");
        }
        switch (row.type()) {
            case "card" -> {
                String title = string(payload.get("title"));
                if (title == null) {
                    throw new IllegalArgumentException("the card has no title");
                }
                return new OutboundMessage(row.id(), Kind.CARD, text, buttons(payload.get("buttons")),
                        Step.Style.BUTTONS, string(payload.get("imageUrl")), null, title, List.of(),
                        payload.get("link") == null ? null : link(payload.get("link")));
            }
            case "list" -> {
                List<Step.Button> options = buttons(payload.get("options"));
                if (options.isEmpty()) {
                    throw new IllegalArgumentException("the list has no options");
                }
                List<String> descriptions = ((List<?>) payload.get("options")).stream()
                        .map(option -> string(((Map<?, ?>) option).get("description"))).map(d -> d == null ? "" : d)
                        .toList();
                String button = string(payload.get("button"));
                return new OutboundMessage(row.id(), Kind.LIST, text, options, Step.Style.BUTTONS, null, null,
                        button == null ? "Options" : button, descriptions, null);
            }
            case "carousel" -> {
                return carousel(row.id(), text, payload.get("cards"));
            }
            case "link" -> {
                return new OutboundMessage(row.id(), Kind.LINK, text, List.of(), Step.Style.BUTTONS, null, null,
                        null, List.of(), link(payload));
            }
            default -> {
                // text and buttons below
            }
        }
        List<Step.Button> buttons = "buttons".equals(row.type()) ? buttons(payload.get("buttons")) : List.of();
        if (buttons.isEmpty()) {
            return new OutboundMessage(row.id(), Kind.TEXT, text, List.of(), Step.Style.BUTTONS, null, null);
        }
        Step.Style style = Step.Style.parse(string(payload.get("style"))).orElse(Step.Style.BUTTONS);
        return new OutboundMessage(row.id(), Kind.BUTTONS, text, buttons, style, null, null);
    }

    /** The same message with other buttons (postback data shortened to references). */
    OutboundMessage withButtons(List<Step.Button> replaced) {
        return new OutboundMessage(id, kind, text, replaced, style, imageUrl, previewUrl, title, descriptions, link,
                cards);
    }

    private static OutboundMessage carousel(UUID id, String text, @Nullable Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("the carousel has no cards");
        }
        List<Card> cards = new ArrayList<>();
        List<Step.Button> buttons = new ArrayList<>();
        for (Object item : list) {
            Map<?, ?> card = item instanceof Map<?, ?> map ? map : Map.of();
            String title = string(card.get("title"));
            String body = string(card.get("text"));
            if (title == null || body == null) {
                throw new IllegalArgumentException("a carousel card needs a title and text");
            }
            List<Step.Button> own = buttons(card.get("buttons"));
            cards.add(new Card(title, body, string(card.get("imageUrl")), own.size()));
            buttons.addAll(own);
        }
        return new OutboundMessage(id, Kind.CAROUSEL, text, buttons, Step.Style.BUTTONS, null, null, null, List.of(),
                null, cards);
    }

    private static Step.Link link(@Nullable Object value) {
        if (value instanceof Map<?, ?> map && string(map.get("label")) != null && string(map.get("url")) != null) {
            return new Step.Link(string(map.get("label")), string(map.get("url")));
        }
        throw new IllegalArgumentException("a link needs a label and a url");
    }

    private static Map<String, Object> payload(MessageRow row, JsonMapper json) {
        try {
            Map<String, Object> payload = json.readValue(row.payload(), Argument.mapOf(String.class, Object.class));
            return payload == null ? Map.of() : payload;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the message payload is not a JSON object");
        }
    }

    private static List<Step.Button> buttons(@Nullable Object value) {
        List<Step.Button> buttons = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> button && string(button.get("label")) != null
                        && string(button.get("postback")) != null) {
                    buttons.add(new Step.Button(string(button.get("label")), string(button.get("postback"))));
                } else {
                    throw new IllegalArgumentException("a button needs a label and postback data");
                }
            }
        }
        return buttons;
    }

    @Nullable
    private static String string(@Nullable Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
