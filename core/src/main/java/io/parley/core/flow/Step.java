package io.parley.core.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.flow.capture.InputKind;
import io.parley.core.flow.condition.Condition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a flow does, in order. Stored in {@code flows.steps} as a JSON array of objects tagged by {@code type}.
 * Text fields ({@code text}, {@code message}, {@code instruction}) may use the persona placeholders
 * ({@code {{contact.displayName}}}, {@code {{contact.attributes.<key>}}}, {@code {{setupUrl}}}...); labels, postback
 * data, URLs and attribute values are sent as written. {@link Handoff} and {@link AskLlm} end a flow.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Step.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Step.Buttons.class, name = "buttons"),
        @JsonSubTypes.Type(value = Step.Image.class, name = "image"),
        @JsonSubTypes.Type(value = Step.SetAttribute.class, name = "set_attribute"),
        @JsonSubTypes.Type(value = Step.Handoff.class, name = "handoff"),
        @JsonSubTypes.Type(value = Step.AskLlm.class, name = "ask_llm"),
        @JsonSubTypes.Type(value = Step.Branch.class, name = "branch"),
        @JsonSubTypes.Type(value = Step.Ask.class, name = "ask"),
        @JsonSubTypes.Type(value = Step.GoTo.class, name = "goto"),
        @JsonSubTypes.Type(value = Step.Card.class, name = "card"),
        @JsonSubTypes.Type(value = Step.OptionList.class, name = "list"),
        @JsonSubTypes.Type(value = Step.LinkButton.class, name = "link_button"),
        @JsonSubTypes.Type(value = Step.Carousel.class, name = "carousel")})
public sealed interface Step {

    /**
     * Postback data of a button that names a flow ({@code flowId}) instead of data: {@code flow:<flow id>}. The
     * matcher runs that flow when such a press arrives (docs/flows.md, "Buttons that start a flow").
     */
    String FLOW_POSTBACK_PREFIX = "flow:";

    /** The "type" tag of the step's JSON. */
    String type();

    /** Sends a text message. */
    @Serdeable
    record Text(String text) implements Step {
        @Override
        public String type() {
            return "text";
        }

        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Sends text with buttons (or quick replies); pressing one sends its postback data back as a postback event. */
    @Serdeable
    record Buttons(String text, List<Button> buttons, Style style) implements Step {
        @Override
        public String type() {
            return "buttons";
        }

        public Buttons {
            Objects.requireNonNull(text, "text");
            buttons = List.copyOf(buttons);
            Objects.requireNonNull(style, "style");
        }
    }

    /** Sends an image by its public HTTPS URL; {@code previewUrl} is the thumbnail LINE shows (defaults to url). */
    @Serdeable
    record Image(String url, @Nullable String previewUrl) implements Step {
        @Override
        public String type() {
            return "image";
        }

        public Image {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Stores {@code value} in the contact's attributes under {@code key} (later steps see the new value). */
    @Serdeable
    record SetAttribute(String key, String value) implements Step {
        @Override
        public String type() {
            return "set_attribute";
        }

        public SetAttribute {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Pauses the bot for this conversation so a person takes over; {@code message} is sent first if given. */
    @Serdeable
    record Handoff(@Nullable String message) implements Step {
        @Override
        public String type() {
            return "handoff";
        }
    }

    /** Lets the LLM answer this turn, with {@code instruction} added to the system prompt for this turn only. */
    @Serdeable
    record AskLlm(String instruction) implements Step {
        @Override
        public String type() {
            return "ask_llm";
        }

        public AskLlm {
            Objects.requireNonNull(instruction, "instruction");
        }
    }

    /**
     * If/else: runs {@code steps} when {@code condition} holds for the contact (with the attributes earlier steps
     * set), else {@code elseSteps} (may be empty). Branches do not nest: their steps are plain steps.
     */
    @Serdeable
    record Branch(Condition condition, List<Step> steps, @Nullable List<Step> elseSteps) implements Step {
        @Override
        public String type() {
            return "branch";
        }

        public Branch {
            Objects.requireNonNull(condition, "condition");
            steps = List.copyOf(steps);
            elseSteps = elseSteps == null || elseSteps.isEmpty() ? null : List.copyOf(elseSteps);
        }

        /** The steps to run for this outcome. */
        public List<Step> taken(boolean holds) {
            return holds ? steps : elseSteps == null ? List.of() : elseSteps;
        }
    }

    /**
     * Asks {@code text} (with {@code buttons} for a choice) and waits for the contact's next message, which is read
     * as {@code input} and stored at {@code saveTo} ({@code contact.attributes.<key>} or
     * {@code conversation.variables.<key>}); then the flow goes on with the next step. An answer that does not read
     * is answered with {@code retryText} (default: the question again), at most {@code maxAttempts} answers in all;
     * then {@code failText} (if any) and the flow ends. Only at a flow's top level (not inside a branch).
     * With input {@code access_code} the answer is redeemed as one of the bot's access codes; {@code saveTo} is then
     * optional and receives the code's batch name (never the code).
     */
    @Serdeable
    record Ask(String text, InputKind input, @Nullable List<Button> buttons, @Nullable String pattern,
               @Nullable String saveTo,
               @Nullable String retryText, int maxAttempts, @Nullable String failText) implements Step {
        @Override
        public String type() {
            return "ask";
        }

        public Ask {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(input, "input");
            if (saveTo == null && input != InputKind.ACCESS_CODE) {
                throw new NullPointerException("saveTo");
            }
            buttons = buttons == null || buttons.isEmpty() ? null : List.copyOf(buttons);
        }
    }

    /** Continues with another flow of the same bot, from its first step (its trigger is not checked). Ends the flow. */
    @Serdeable
    record GoTo(String flowId) implements Step {
        @Override
        public String type() {
            return "goto";
        }

        public GoTo {
            Objects.requireNonNull(flowId, "flowId");
        }
    }

    /**
     * A button: what it shows and either the postback data it sends back or the flow it starts ({@code flowId},
     * sent as {@link #FLOW_POSTBACK_PREFIX}{@code <id>}); exactly one of the two.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Button(String label, @Nullable String postback, @Nullable String flowId) {
        @Creator
        public Button {
            Objects.requireNonNull(label, "label");
            if ((postback == null) == (flowId == null)) {
                throw new IllegalArgumentException("a button has either postback data or a flowId");
            }
        }

        public Button(String label, String postback) {
            this(label, postback, null);
        }

        /** The postback data a press sends back. */
        public String data() {
            return postback != null ? postback : FLOW_POSTBACK_PREFIX + flowId;
        }
    }

    /**
     * A card: a title, text, an optional https image, up to 3 buttons (postback or flow) and an optional link
     * button. LINE: a Flex bubble; WhatsApp: interactive reply buttons (or a CTA URL) with the image as header;
     * Telegram: a photo (or text) with an inline keyboard; web chat: a card. {@code title} and {@code text} may use
     * placeholders.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Card(String title, String text, @Nullable String imageUrl, @Nullable List<Button> buttons,
                @Nullable Link link) implements Step {
        @Override
        public String type() {
            return "card";
        }

        public Card {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            buttons = buttons == null || buttons.isEmpty() ? null : List.copyOf(buttons);
        }

        /** The card's buttons (none: an empty list). */
        public List<Button> buttonList() {
            return buttons == null ? List.of() : buttons;
        }
    }

    /**
     * Several cards side by side (2-10): a LINE Flex carousel of bubbles, a row that scrolls sideways in web chat;
     * WhatsApp and Telegram have no carousel outside templates, so there each card goes as a card message of its own.
     */
    @Serdeable
    record Carousel(List<CarouselCard> cards) implements Step {
        @Override
        public String type() {
            return "carousel";
        }

        public Carousel {
            cards = List.copyOf(cards);
        }

        /** Every card's buttons, card after card (the postback data a press of one of them sends). */
        public List<Button> buttons() {
            return cards.stream().flatMap(card -> card.buttonList().stream()).toList();
        }
    }

    /** One card of a {@link Carousel}: a title, text, an optional https image and up to 3 buttons. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CarouselCard(String title, String text, @Nullable String imageUrl, @Nullable List<Button> buttons) {
        public CarouselCard {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            buttons = buttons == null || buttons.isEmpty() ? null : List.copyOf(buttons);
        }

        /** The card's buttons (none: an empty list). */
        public List<Button> buttonList() {
            return buttons == null ? List.of() : buttons;
        }
    }

    /**
     * Choose one of up to 10 options: a WhatsApp list message (opened with {@code button}), a LINE Flex bubble of
     * buttons, a Telegram inline keyboard, options in web chat. {@code text} may use placeholders.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OptionList(String text, @Nullable String button, List<Option> options) implements Step {
        @Override
        public String type() {
            return "list";
        }

        public OptionList {
            Objects.requireNonNull(text, "text");
            options = List.copyOf(options);
        }
    }

    /** One option of a list: label, optional description, and postback data or the flow it starts. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Option(String label, @Nullable String description, @Nullable String postback, @Nullable String flowId) {
        public Option {
            Objects.requireNonNull(label, "label");
            if ((postback == null) == (flowId == null)) {
                throw new IllegalArgumentException("an option has either postback data or a flowId");
            }
        }

        /** The option as a button (its description aside). */
        public Button asButton() {
            return new Button(label, postback, flowId);
        }
    }

    /** A button that opens a web page: {@code label} and an http(s) {@code url}. */
    @Serdeable
    record Link(String label, String url) {
        public Link {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * Text with one button that opens a URL: a WhatsApp CTA URL message, a LINE Flex bubble with a URI button, a
     * Telegram URL button, a link in web chat. {@code text} may use placeholders; the URL is sent as written.
     */
    @Serdeable
    record LinkButton(String text, String label, String url) implements Step {
        @Override
        public String type() {
            return "link_button";
        }

        public LinkButton {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
        }
    }

    /** Buttons under the message (LINE buttons template, Telegram inline keyboard) or quick replies that vanish. */
    @Serdeable
    enum Style {
        BUTTONS, QUICK_REPLIES;

        @JsonValue
        public String wireName() {
            return WireName.of(this);
        }

        @JsonCreator
        public static Style fromWire(String text) {
            return parse(text).orElseThrow(() -> new IllegalArgumentException("style must be buttons or quick_replies"));
        }

        public static Optional<Style> parse(String text) {
            return WireName.parse(values(), text);
        }
    }
}
