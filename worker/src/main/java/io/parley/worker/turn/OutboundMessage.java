package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.flow.Step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message the turn sends, before it is stored as an outbound {@code messages} row (status queued, sender bot)
 * for the outbound sender. Row {@code type} and {@code payload} contract with the senders:
 * <ul>
 *   <li>{@code text}: the text column only;</li>
 *   <li>{@code buttons}: text + {@code {"buttons": [{"label", "postback"}], "style": "buttons"|"quick_replies"}};</li>
 *   <li>{@code image}: {@code {"url", "previewUrl"}};</li>
 *   <li>{@code card}: text + {@code {"title", "imageUrl"?, "buttons": [{"label", "postback"}], "link"?: {"label", "url"}}};</li>
 *   <li>{@code list}: text + {@code {"button", "options": [{"label", "description"?, "postback"}]}};</li>
 *   <li>{@code link}: text + {@code {"label", "url"}}.</li>
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
            case Step.Card card -> Optional.of(new OutboundMessage("card", card.text(), card(card)));
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
        };
    }

    /** What opens a WhatsApp list when a list step names no button label (WhatsApp needs one). */
    static final String DEFAULT_LIST_BUTTON = "Options";

    private static Map<String, String> button(Step.Button button) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("label", button.label());
        row.put("postback", button.data());
        return row;
    }

    private static Map<String, Object> card(Step.Card card) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("title", card.title());
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
