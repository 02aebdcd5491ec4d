package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.channel.ChannelType;
import io.parley.core.flow.Step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A message the turn sends, before it is stored as an outbound {@code messages} row (status queued, sender bot)
 * for the outbound sender. Row {@code type} and {@code payload} contract with the senders:
 * <ul>
 *   <li>{@code text}: the text column only;</li>
 *   <li>{@code buttons}: text + {@code {"buttons": [{"label", "postback"}], "style": "buttons"|"quick_replies"}};</li>
 *   <li>{@code image}: {@code {"url", "previewUrl"}};</li>
 *   <li>{@code card}: text + {@code {"title", "imageUrl"?, "buttons": [{"label", "postback"}], "link"?: {"label", "url"}}};</li>
 *   <li>{@code list}: text + {@code {"button", "options": [{"label", "description"?, "postback"}]}};</li>
 *   <li>{@code link}: text + {@code {"label", "url"}};</li>
 *   <li>{@code carousel}: text (every card's title and text, for the inbox and the LLM's history) + {@code {"cards":
 *       [{"title", "text", "imageUrl"?, "buttons": [{"label", "postback"}]}]}}; only on channels that show carousels
 *       ({@link #on}): elsewhere each card is a {@code card} message.</li>
 * </ul>
 * Buttons that name a flow carry its postback data ({@code flow:<id>}), so the senders see postback data only.
 * Every payload also carries {@code "replyTo": "<inbound event id>"}, which makes the turn idempotent, and
 * {@code "origin"}: what wrote it ({@code flow}, {@code llm}, {@code fallback}, {@code limit}), for analytics.
 */
record OutboundMessage(String type, @Nullable String text, Map<String, Object> payload) {

    OutboundMessage withText(String text) {
        return new OutboundMessage(type, text, payload);
    }

    static OutboundMessage text(String text) {
        return new OutboundMessage("text", text, Map.of());
    }

    /** Origins analytics tells apart (docs/analytics.md, "Messages"). */
    static final String FLOW = "flow";
    static final String LLM = "llm";
    static final String FALLBACK = "fallback";
    static final String LIMIT = "limit";

    /** This message marked with what wrote it ({@code payload.origin}). */
    /** The same message with one more payload entry. */
    OutboundMessage with(String key, Object value) {
        Map<String, Object> added = new LinkedHashMap<>(payload);
        added.put(key, value);
        return new OutboundMessage(type, text, added);
    }

    OutboundMessage from(String origin) {
        Map<String, Object> marked = new LinkedHashMap<>(payload);
        marked.put("origin", origin);
        return new OutboundMessage(type, text, marked);
    }

    /** What a rendered flow step sends, if anything (set_attribute and ask_llm send nothing themselves). */
    static Optional<OutboundMessage> of(Step step) {
        return switch (step) {
            case Step.Text text -> Optional.of(text(text.text()));
            case Step.Buttons buttons -> {
                List<Map<String, String>> list = buttons.buttons().stream().map(OutboundMessage::button).toList();
                yield Optional.of(new OutboundMessage("buttons", buttons.text(),
                        Map.of("buttons", list, "style", buttons.style().wireName())));
            }
            case Step.Image image -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("url", image.url());
                payload.put("previewUrl", image.previewUrl() == null ? image.url() : image.previewUrl());
                yield Optional.of(new OutboundMessage("image", null, payload));
            }
            // marked, so the web chat widget knows a person answers from now on (no typing indicator)
            case Step.Handoff handoff -> handoff.message() == null || handoff.message().isBlank() ? Optional.empty()
                    : Optional.of(new OutboundMessage("text", handoff.message(), Map.of("handoff", true)));
            case Step.SetAttribute ignored -> Optional.empty();
            case Step.AskLlm ignored -> Optional.empty();
            case Step.Branch ignored -> Optional.empty(); // FlowTurn runs one of its ways; never sent itself
            case Step.Ask ignored -> Optional.empty(); // FlowTurn renders its question as text or buttons
            case Step.GoTo ignored -> Optional.empty();
            case Step.Card card -> Optional.of(new OutboundMessage("card", card.text(), card(card, false)));
            case Step.OptionList list -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("button", list.button() == null ? DEFAULT_LIST_BUTTON : list.button());
                payload.put("options", list.options().stream().map(option -> {
                    Map<String, String> row = new LinkedHashMap<>(button(option.asButton()));
                    if (option.description() != null) {
                        row.put("description", option.description());
                    }
                    return row;
                }).toList());
                yield Optional.of(new OutboundMessage("list", list.text(), payload));
            }
            case Step.LinkButton link -> Optional.of(new OutboundMessage("link", link.text(),
                    Map.of("label", link.label(), "url", link.url())));
            case Step.Carousel carousel -> Optional.of(carousel(carousel.cards().stream()
                    .map(card -> card(new Step.Card(card.title(), card.text(), card.imageUrl(), card.buttons(), null),
                            true))
                    .toList(), Map.of()));
        };
    }

    /**
     * This message as sent on a channel: a carousel stays one message on LINE (a Flex carousel) and in web chat (a
     * row of cards); WhatsApp and Telegram have no carousel outside templates, so each card goes as a card message
     * of its own, rendered as a card step is. One message per card rather than one list: each keeps its image and
     * buttons, and each is one provider request with its own delivery status, as the senders expect (a failure
     * half-way never resends the cards that arrived).
     */
    List<OutboundMessage> on(ChannelType channel) {
        if (!"carousel".equals(type) || channel == ChannelType.LINE || channel == ChannelType.WEB) {
            return List.of(this);
        }
        Map<String, Object> shared = new LinkedHashMap<>(payload);
        shared.remove("cards");
        return cards().stream().map(card -> {
            Map<String, Object> single = new LinkedHashMap<>(card);
            single.remove("text");
            single.putAll(shared);
            return new OutboundMessage("card", (String) card.get("text"), single);
        }).toList();
    }

    /** This message with {@code render} applied to its text, and to a carousel's card texts. */
    OutboundMessage withTexts(UnaryOperator<String> render) {
        if (!"carousel".equals(type)) {
            return text == null ? this : withText(render.apply(text));
        }
        Map<String, Object> rest = new LinkedHashMap<>(payload);
        rest.remove("cards");
        return carousel(cards().stream().map(card -> {
            Map<String, Object> rendered = new LinkedHashMap<>(card);
            rendered.put("text", render.apply((String) card.get("text")));
            return rendered;
        }).toList(), rest);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> cards() {
        return (List<Map<String, Object>>) payload.get("cards");
    }

    private static OutboundMessage carousel(List<Map<String, Object>> cards, Map<String, Object> rest) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("cards", cards);
        payload.putAll(rest);
        String text = String.join("\n\n", cards.stream().map(card -> card.get("title") + "\n" + card.get("text"))
                .toList());
        return new OutboundMessage("carousel", text, payload);
    }

    /** What opens a WhatsApp list when a list step names no button label (WhatsApp needs one). */
    static final String DEFAULT_LIST_BUTTON = "Options";

    private static Map<String, String> button(Step.Button button) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("label", button.label());
        row.put("postback", button.data());
        return row;
    }

    /** A card's payload; {@code withText}: with its text too (a carousel's card, whose text is not the row's). */
    private static Map<String, Object> card(Step.Card card, boolean withText) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("title", card.title());
        if (withText) {
            payload.put("text", card.text());
        }
        if (card.imageUrl() != null) {
            payload.put("imageUrl", card.imageUrl());
        }
        payload.put("buttons", card.buttonList().stream().map(OutboundMessage::button).toList());
        if (card.link() != null) {
            payload.put("link", Map.of("label", card.link().label(), "url", card.link().url()));
        }
        return payload;
    }
}
