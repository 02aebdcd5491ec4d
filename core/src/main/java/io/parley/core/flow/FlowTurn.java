package io.parley.core.flow;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.PersonaTemplate;
import io.parley.core.flow.condition.ConditionEvaluator;
import io.parley.core.flow.condition.ConditionFacts;

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
 * @param branches          the branch steps met and the way each went, e.g. {@code steps[1]: then}, {@code
 *                          steps[1]: else} (what the dry-run shows)
 */
public record FlowTurn(List<Step> steps, Then then, Map<String, String> attributeChanges, List<String> branches) {

    public FlowTurn {
        steps = List.copyOf(steps);
        Objects.requireNonNull(then, "then");
        attributeChanges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeChanges));
        branches = List.copyOf(branches);
    }

    public FlowTurn(List<Step> steps, Then then, Map<String, String> attributeChanges) {
        this(steps, then, attributeChanges, List.of());
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

    /** The turn when {@code flow} matched, for a contact on no particular channel (branches see only the contact). */
    public static FlowTurn of(Flow flow, Recipient recipient, String botName, @Nullable String setupUrl) {
        return of(flow, new ConditionFacts(recipient.displayName(), recipient.tier(), recipient.attributes(), false,
                null, java.time.Instant.now(), () -> java.time.ZoneOffset.UTC), botName, setupUrl);
    }

    /** The turn when {@code flow} matched; branch steps are decided on {@code facts} as the steps change them. */
    public static FlowTurn of(Flow flow, ConditionFacts facts, String botName, @Nullable String setupUrl) {
        Run run = new Run(facts, botName, setupUrl);
        run.steps(flow.steps(), "steps");
        return new FlowTurn(run.rendered, run.then, run.changes, run.branches);
    }

    /** One flow being run: what it rendered and changed so far. */
    private static final class Run {
        private final ConditionFacts facts;
        private final String botName;
        private final String setupUrl;
        private final Map<String, Object> attributes;
        private final Map<String, String> changes = new LinkedHashMap<>();
        private final List<Step> rendered = new ArrayList<>();
        private final List<String> branches = new ArrayList<>();
        private Then then = Then.REPLY;

        Run(ConditionFacts facts, String botName, @Nullable String setupUrl) {
            this.facts = facts;
            this.botName = botName;
            this.setupUrl = setupUrl;
            this.attributes = new LinkedHashMap<>(facts.attributes());
        }

        void steps(List<Step> steps, String path) {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (step instanceof Step.Branch branch) {
                    boolean holds = ConditionEvaluator.holds(branch.condition(), facts.withAttributes(attributes));
                    String at = path + "[" + i + "]";
                    branches.add(at + ": " + (holds ? "then" : "else"));
                    steps(branch.taken(holds), at + (holds ? ".steps" : ".elseSteps"));
                    continue;
                }
                Function<String, String> values = PersonaTemplate.contactValues(facts.displayName(),
                        facts.tier(), attributes, botName, setupUrl);
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
        }
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
            case Step.Branch branch -> branch; // never rendered: Run takes one of its ways
        };
    }
}
