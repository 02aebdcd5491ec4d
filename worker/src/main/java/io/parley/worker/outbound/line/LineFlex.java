package io.parley.worker.outbound.line;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.flow.Step;
import io.parley.worker.outbound.OutboundMessage;
import io.parley.worker.outbound.rich.NumberedOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Cards, lists and link buttons as LINE Flex messages: one bubble each (Messaging API reference, "Flex Message":
 * https://developers.line.biz/en/reference/messaging-api/#flex-message; elements:
 * https://developers.line.biz/en/docs/messaging-api/flex-message-elements/). A card's image is the bubble's hero
 * (https, full width, 20:13, cover), its title and text the body, its buttons (postback actions) and link (a URI
 * action) the footer. A list is a bubble of one postback button per option; a link button a bubble with one URI
 * button. {@code altText} (at most 400 characters) is what notifications and clients without Flex show: the text
 * with the options numbered, so typing a number works there too. A carousel is a Flex carousel of card bubbles
 * (at most 12 bubbles and 50 KB of JSON; every bubble of the default size, since a carousel's bubbles must share one
 * width: https://developers.line.biz/en/reference/messaging-api/#f-carousel); its altText lists the titles and then
 * every button numbered, each with its card's title (labels such as "Order" repeat from card to card).
 */
final class LineFlex {

    static final int MAX_ALT_TEXT = 400;
    /** Flex button action labels: at most 40 characters (the API refuses longer ones). */
    static final int MAX_FLEX_LABEL = 40;

    private LineFlex() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Bubble(String type, @Nullable Image hero, Box body, @Nullable Box footer) {
    }

    @Serdeable
    record Carousel(String type, List<Bubble> contents) {
    }

    @Serdeable
    record Image(String type, String url, String size, String aspectRatio, String aspectMode) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Box(String type, String layout, @Nullable String spacing, List<Object> contents) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Text(String type, String text, @Nullable String weight, @Nullable String size, boolean wrap) {
    }

    @Serdeable
    record Button(String type, String style, String height, Object action) {
    }

    @Serdeable
    record UriAction(String type, String label, String uri) {
    }

    static LineWire.Message render(OutboundMessage message) {
        return switch (message.kind()) {
            case CARD -> flex(alt(message.title() + "\n" + message.text(), message), card(message));
            case LIST -> flex(alt(message.text(), message), bubble(null, List.of(text(message.text())),
                    message.buttons().stream().<Object>map(LineFlex::postback).toList()));
            case LINK -> flex(NumberedOptions.cut(message.text(), MAX_ALT_TEXT), bubble(null,
                    List.of(text(message.text())), List.of(uri(message.link()))));
            case CAROUSEL -> flex(carouselAlt(message), new Carousel("carousel", message.cardsWithButtons().stream()
                    .map(card -> card(card.getKey().title(), card.getKey().text(), card.getKey().imageUrl(),
                            card.getValue(), null))
                    .toList()));
            default -> throw new IllegalArgumentException("not a rich message: " + message.kind());
        };
    }

    private static Bubble card(OutboundMessage message) {
        return card(message.title(), message.text(), message.imageUrl(), message.buttons(), message.link());
    }

    private static Bubble card(String title, String body, @Nullable String imageUrl, List<Step.Button> buttons,
                               @Nullable Step.Link link) {
        List<Object> footer = new ArrayList<>(buttons.stream().<Object>map(LineFlex::postback).toList());
        if (link != null) {
            footer.add(uri(link));
        }
        Image hero = imageUrl == null ? null : new Image("image", imageUrl, "full", "20:13", "cover");
        return bubble(hero, List.of(new Text("text", title, "bold", "lg", true), text(body)), footer);
    }

    private static String carouselAlt(OutboundMessage message) {
        List<String> cardTitles = message.cards().stream().map(OutboundMessage.Card::title).toList();
        List<String> buttonCards = message.cardsWithButtons().stream()
                .flatMap(card -> card.getValue().stream().map(button -> card.getKey().title())).toList();
        return NumberedOptions.cut(NumberedOptions.render(String.join("\n", cardTitles), message.buttons(),
                buttonCards), MAX_ALT_TEXT);
    }

    private static Bubble bubble(@Nullable Image hero, List<Object> body, List<Object> footer) {
        return new Bubble("bubble", hero, new Box("box", "vertical", "md", body),
                footer.isEmpty() ? null : new Box("box", "vertical", "sm", footer));
    }

    private static Text text(String text) {
        return new Text("text", text, null, null, true);
    }

    private static Button postback(Step.Button button) {
        String label = NumberedOptions.cut(button.label(), MAX_FLEX_LABEL);
        return new Button("button", "link", "sm", new LineWire.Action("postback", label, button.postback(),
                button.label()));
    }

    private static Button uri(Step.Link link) {
        return new Button("button", "link", "sm",
                new UriAction("uri", NumberedOptions.cut(link.label(), MAX_FLEX_LABEL), link.url()));
    }

    private static String alt(String text, OutboundMessage message) {
        return NumberedOptions.cut(NumberedOptions.render(text, message.buttons(), message.descriptions()),
                MAX_ALT_TEXT);
    }

    private static LineWire.Message flex(String altText, Object contents) {
        return new LineWire.Message("flex", null, null, null, null, altText, contents);
    }
}
