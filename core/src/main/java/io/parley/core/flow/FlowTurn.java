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
 *                          steps[1]: else}, {@code steps[2]: goto Booking} (what the dry-run shows)
 * @param waiting           the ask step the flow now waits at for the contact's answer, or null
 */
public record FlowTurn(List<Step> steps, Then then, Map<String, String> attributeChanges, List<String> branches,
                       @Nullable Waiting waiting) {

    /** At most this many go-to steps in one turn: a loop of flows stops rather than spinning. */
    public static final int MAX_JUMPS = 5;

    public FlowTurn {
        steps = List.copyOf(steps);
        Objects.requireNonNull(then, "then");
        attributeChanges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeChanges));
        branches = List.copyOf(branches);
    }

    public FlowTurn(List<Step> steps, Then then, Map<String, String> attributeChanges) {
        this(steps, then, attributeChanges, List.of(), null);
    }

    /** Where a flow waits: its {@link Step.Ask} at the top-level index {@code stepIndex}. */
    public record Waiting(java.util.UUID flowId, int stepIndex, Step.Ask ask) {
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
        return run(flow, 0, facts, botName, setupUrl, id -> null);
    }

    /**
     * Runs {@code flow} from its top-level step {@code from} (after an answered ask step: the next one), following
     * go-to steps through {@code flows} (null: no such flow, the turn ends there).
     */
    public static FlowTurn run(Flow flow, int from, ConditionFacts facts, String botName, @Nullable String setupUrl,
                               Function<String, Flow> flows) {
        Run run = new Run(facts, botName, setupUrl, flows);
        run.flow(flow, from);
        return new FlowTurn(run.rendered, run.then, run.changes, run.branches, run.waiting);
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
        private final Function<String, Flow> flows;
        private Then then = Then.REPLY;
        private Waiting waiting;
        private Flow current;
        private int jumps;
        private boolean stopped;

        Run(ConditionFacts facts, String botName, @Nullable String setupUrl, Function<String, Flow> flows) {
            this.facts = facts;
            this.botName = botName;
            this.setupUrl = setupUrl;
            this.flows = flows;
            this.attributes = new LinkedHashMap<>(facts.attributes());
        }

        void flow(Flow flow, int from) {
            current = flow;
            List<Step> steps = flow.steps();
            steps(steps.subList(Math.min(from, steps.size()), steps.size()), "steps", from);
        }

        void steps(List<Step> steps, String path, int offset) {
            for (int j = 0; j < steps.size() && !stopped; j++) {
                int i = j + offset;
                Step step = steps.get(j);
                String at = path + "[" + i + "]";
                if (step instanceof Step.Branch branch) {
                    boolean holds = ConditionEvaluator.holds(branch.condition(),
                            facts.withAttributes(attributes));
                    branches.add(at + ": " + (holds ? "then" : "else"));
                    steps(branch.taken(holds), at + (holds ? ".steps" : ".elseSteps"), 0);
                    continue;
                }
                if (step instanceof Step.GoTo go) {
                    Flow target = jumps < MAX_JUMPS ? flows.apply(go.flowId()) : null;
                    branches.add(at + ": goto " + (target == null ? go.flowId() + " (not run)" : target.name()));
                    stopped = true;
                    if (target != null) {
                        jumps++;
                        stopped = false;
                        flow(target, 0);
                        stopped = true;
                    }
                    return;
                }
                if (step instanceof Step.Ask ask) {
                    Function<String, String> values = PersonaTemplate.contactValues(facts.displayName(),
                            facts.tier(), attributes, botName, setupUrl, facts.memory());
                    String question = PersonaTemplate.render(ask.text(), values);
                    rendered.add(ask.input() == io.parley.core.flow.capture.InputKind.CHOICE && ask.buttons() != null
                            ? new Step.Buttons(question, ask.buttons(), Step.Style.QUICK_REPLIES)
                            : new Step.Text(question));
                    waiting = new Waiting(current.id(), i, ask);
                    stopped = true;
                    return;
                }
                Function<String, String> values = PersonaTemplate.contactValues(facts.displayName(),
                        facts.tier(), attributes, botName, setupUrl, facts.memory());
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
            case Step.Ask ask -> ask; // rendered by Run as its question
            case Step.GoTo go -> go; // never rendered: Run follows it
            case Step.Card card -> new Step.Card(PersonaTemplate.render(card.title(), values),
                    PersonaTemplate.render(card.text(), values), card.imageUrl(), card.buttons(), card.link());
            case Step.Carousel carousel -> new Step.Carousel(carousel.cards().stream()
                    .map(card -> new Step.CarouselCard(PersonaTemplate.render(card.title(), values),
                            PersonaTemplate.render(card.text(), values), card.imageUrl(), card.buttons()))
                    .toList());
            case Step.OptionList list -> new Step.OptionList(PersonaTemplate.render(list.text(), values),
                    list.button(), list.options());
            case Step.LinkButton link -> new Step.LinkButton(PersonaTemplate.render(link.text(), values),
                    link.label(), link.url());
        };
    }
}
