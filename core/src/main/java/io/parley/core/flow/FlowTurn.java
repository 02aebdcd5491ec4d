package io.parley.core.flow;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.PersonaTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one inbound event makes the bot do: the steps with their placeholders filled in for this contact, in order,
 * then how the turn ends. Both the message pipeline and the API's dry-run build turns here, so a dry-run shows
 * exactly what the pipeline would send.
 *
 * @param steps             rendered steps; {@link Step.SetAttribute} values apply to the steps after them
 * @param then              {@code REPLY}: the steps are the whole answer; {@code LLM}: the LLM answers after them
 *                          (with the {@link Step.AskLlm} instruction, if any); {@code HANDOFF}: the bot pauses for
 *                          this conversation and a person takes over
 * @param attributeChanges  attributes the turn sets on the contact, in step order
 */
public record FlowTurn(List<Step> steps, Then then, Map<String, String> attributeChanges) {

    public FlowTurn {
        steps = List.copyOf(steps);
        Objects.requireNonNull(then, "then");
        attributeChanges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeChanges));
    }

    public enum Then {
        REPLY, LLM, HANDOFF;

        public String wireName() {
            return WireName.of(this);
        }
    }

    /** Who the turn is for: the fields placeholders can show. */
    public record Recipient(@Nullable String displayName, String tier, Map<String, ?> attributes) {
        public Recipient {
            Objects.requireNonNull(tier, "tier");
            attributes = attributes == null ? Map.of() : attributes;
        }
    }

    /** The turn when {@code flow} matched. */
    public static FlowTurn of(Flow flow, Recipient recipient, String botName, @Nullable String setupUrl) {
        Map<String, Object> attributes = new LinkedHashMap<>(recipient.attributes());
        Map<String, String> changes = new LinkedHashMap<>();
        List<Step> rendered = new ArrayList<>();
        Then then = Then.REPLY;
        for (Step step : flow.steps()) {
            Function<String, String> values = PersonaTemplate.contactValues(recipient.displayName(),
                    recipient.tier(), attributes, botName, setupUrl);
            rendered.add(render(step, values));
            switch (step) {
                case Step.SetAttribute set -> {
                    attributes.put(set.key(), set.value());
                    changes.put(set.key(), set.value());
                }
                case Step.AskLlm ignored -> then = Then.LLM;
                case Step.Handoff ignored -> then = Then.HANDOFF;
                default -> {
                }
            }
        }
        return new FlowTurn(rendered, then, changes);
    }

    /**
     * The turn when no flow matched: the LLM answers a message; a follow event gets the bot's welcome message (if
     * it has one) and no LLM call, since there is nothing yet to answer.
     */
    public static FlowTurn unmatched(FlowEvent event, @Nullable String welcomeMessage, Recipient recipient,
                                     String botName, @Nullable String setupUrl) {
        if (!(event instanceof FlowEvent.Follow)) {
            return new FlowTurn(List.of(), Then.LLM, Map.of());
        }
        if (welcomeMessage == null || welcomeMessage.isBlank()) {
            return new FlowTurn(List.of(), Then.REPLY, Map.of());
        }
        String text = PersonaTemplate.render(welcomeMessage, PersonaTemplate.contactValues(recipient.displayName(),
                recipient.tier(), recipient.attributes(), botName, setupUrl));
        return new FlowTurn(List.of(new Step.Text(text)), Then.REPLY, Map.of());
    }

    private static Step render(Step step, Function<String, String> values) {
        return switch (step) {
            case Step.Text text -> new Step.Text(PersonaTemplate.render(text.text(), values));
            case Step.Buttons buttons -> new Step.Buttons(PersonaTemplate.render(buttons.text(), values),
                    buttons.buttons(), buttons.style());
            case Step.Handoff handoff -> new Step.Handoff(PersonaTemplate.render(handoff.message(), values));
            case Step.AskLlm ask -> new Step.AskLlm(PersonaTemplate.render(ask.instruction(), values));
            case Step.Image image -> image;
            case Step.SetAttribute set -> set;
        };
    }
}
