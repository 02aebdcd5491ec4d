package io.parley.core.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
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
        @JsonSubTypes.Type(value = Step.GoTo.class, name = "goto")})
public sealed interface Step {

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

    /** A button: what it shows and the postback data it sends back. */
    @Serdeable
    record Button(String label, String postback) {
        public Button {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(postback, "postback");
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
