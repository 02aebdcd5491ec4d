package io.parley.core.flow;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.flow.condition.ConditionEvaluator;
import io.parley.core.flow.condition.ConditionFacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Picks the flow that answers an inbound event. Built once per bot configuration (keywords normalized and regexes
 * compiled up front, so a cached matcher does no per-message setup), then {@link #match} is pure and thread-safe.
 *
 * <p>Order: enabled flows only, highest priority first, ties broken by the oldest flow (ids are UUIDv7, so id
 * order is creation order; compared unsigned, as PostgreSQL sorts uuids). Keyword and regex flows match text
 * messages, postback flows button presses, follow flows follow events. A fallback flow is used only when no other
 * flow matched a text message or a postback, never for a follow event (that is the welcome message's job).
 *
 * <p>Conditions: a flow whose {@code condition} does not hold for the contact ({@link ConditionFacts}) takes no
 * part. Before any of that, the first enabled <em>gate</em> whose {@code until} does not hold answers every message
 * (text, button press, sticker: see {@link #gate}); only a press of one of the gate's own buttons passes it.
 *
 * <p>Each regex evaluation has a time budget; a pattern that backtracks past it fails that one flow (reported in
 * {@link FlowMatch#timedOut()}) and matching goes on with the next, so a bad pattern cannot stall a worker.
 */
public final class FlowMatcher {

    public static final Duration DEFAULT_REGEX_BUDGET = Duration.ofMillis(50);

    /** PostgreSQL's uuid order: byte-wise, i.e. unsigned. {@link UUID#compareTo} compares signed longs. */
    static final Comparator<UUID> ID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private static final Comparator<Flow> MATCH_ORDER = Comparator.comparingInt(Flow::priority).reversed()
            .thenComparing(Flow::id, ID_ORDER);

    private final List<Candidate> candidates;
    private final long regexBudgetNanos;
    private final Map<String, Flow> byId;
    private final boolean asks;

    private FlowMatcher(List<Candidate> candidates, Duration regexBudget) {
        this.candidates = candidates;
        this.regexBudgetNanos = regexBudget.toNanos();
        this.byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.flow().id().toString(), c.flow()));
        this.asks = candidates.stream().anyMatch(c -> c.flow().steps().stream().anyMatch(Step.Ask.class::isInstance));
    }

    /** An enabled flow by its id (go-to steps, resuming an ask); null when there is none. */
    @Nullable
    public Flow flow(String id) {
        return byId.get(id);
    }

    /** Whether any enabled flow has an ask step, i.e. whether conversations can wait for answers at all. */
    public boolean asks() {
        return asks;
    }

    public static FlowMatcher of(Collection<Flow> flows) {
        return of(flows, DEFAULT_REGEX_BUDGET);
    }

    public static FlowMatcher of(Collection<Flow> flows, Duration regexBudget) {
        List<Candidate> candidates = flows.stream().filter(Flow::enabled).sorted(MATCH_ORDER)
                .map(Candidate::of).toList();
        return new FlowMatcher(candidates, regexBudget);
    }

    /** Matching for an anonymous contact (see {@link ConditionFacts#none()}). */
    public FlowMatch match(FlowEvent event) {
        return match(event, ConditionFacts.none());
    }

    public FlowMatch match(FlowEvent event, ConditionFacts facts) {
        if (!(event instanceof FlowEvent.Follow)) {
            Flow gate = gate(facts, event instanceof FlowEvent.Postback pressed ? pressed.data() : null);
            if (gate != null) {
                return new FlowMatch(gate, List.of());
            }
        }
        Flow chosen = chosenFlow(event, facts);
        if (chosen != null) {
            return new FlowMatch(chosen, List.of());
        }
        List<Flow> timedOut = new ArrayList<>(0);
        Flow fallback = null;
        String keywordText = event instanceof FlowEvent.Text text ? MatchText.keyword(text.text()) : null;
        String regexText = event instanceof FlowEvent.Text text ? MatchText.regex(text.text()) : null;
        for (Candidate candidate : candidates) {
            if (!ConditionEvaluator.holds(candidate.flow().condition(), facts)) {
                continue;
            }
            boolean matched = switch (candidate.flow().trigger()) {
                case Trigger.Keyword keyword -> keywordText != null && candidate.matchesKeyword(keyword, keywordText);
                case Trigger.Regex ignored -> regexText != null && candidate.pattern() != null
                        && find(candidate, regexText, timedOut);
                case Trigger.Postback postback -> event instanceof FlowEvent.Postback pressed
                        && postback.data().equals(pressed.data());
                case Trigger.Follow ignored -> event instanceof FlowEvent.Follow;
                case Trigger.Gate ignored -> false; // decided above
                case Trigger.Proactive ignored -> false; // fired by the trigger runner, never by a message
                case Trigger.Fallback ignored -> {
                    if (fallback == null && !(event instanceof FlowEvent.Follow)) {
                        fallback = candidate.flow();
                    }
                    yield false;
                }
            };
            if (matched) {
                return new FlowMatch(candidate.flow(), timedOut);
            }
        }
        return new FlowMatch(fallback, timedOut);
    }

    /**
     * The flow a button names ({@code flow:<id>}, a button with a {@code flowId}) when it is enabled and its condition
     * holds; a postback flow whose {@code data} is the same text still wins (old postback strings keep working).
     */
    @Nullable
    private Flow chosenFlow(FlowEvent event, ConditionFacts facts) {
        if (!(event instanceof FlowEvent.Postback pressed) || !pressed.data().startsWith(Step.FLOW_POSTBACK_PREFIX)) {
            return null;
        }
        for (Candidate candidate : candidates) {
            if (candidate.flow().trigger() instanceof Trigger.Postback postback
                    && postback.data().equals(pressed.data())) {
                return null;
            }
        }
        Flow flow = byId.get(pressed.data().substring(Step.FLOW_POSTBACK_PREFIX.length()));
        return flow != null && ConditionEvaluator.holds(flow.condition(), facts) ? flow : null;
    }

    /**
     * The gate that answers a message for this contact, or null: the first enabled gate (in match order) that is
     * for this contact (its flow condition holds) and whose {@code until} does not hold yet. A press of one of its
     * own buttons ({@code pressed}, null for other messages) passes that gate, so its answer reaches the postback
     * flow that records it. Follow events are not messages: gates do not answer them.
     */
    public Flow gate(ConditionFacts facts, @Nullable String pressed) {
        for (Candidate candidate : candidates) {
            if (candidate.flow().trigger() instanceof Trigger.Gate gate
                    && ConditionEvaluator.holds(candidate.flow().condition(), facts)
                    && !ConditionEvaluator.holds(gate.until(), facts)
                    && (pressed == null || !candidate.buttons().contains(pressed))) {
                return candidate.flow();
            }
        }
        return null;
    }

    private boolean find(Candidate candidate, String text, List<Flow> timedOut) {
        try {
            return candidate.pattern().matcher(new TimeBoxedText(text, System.nanoTime() + regexBudgetNanos)).find();
        } catch (TimeBoxedText.TimedOut | StackOverflowError e) {
            // Deep recursion in the engine (long inputs on alternations) is the same failure as a timeout: this
            // pattern cannot be evaluated on this message; the others still can.
            timedOut.add(candidate.flow());
            return false;
        }
    }

    /**
     * A flow prepared for matching: normalized keywords, compiled pattern (null if it does not compile), and for a
     * gate the postback data of its own buttons (which pass it).
     */
    private record Candidate(Flow flow, List<String> keywords, Pattern pattern, Set<String> buttons) {

        static Candidate of(Flow flow) {
            return switch (flow.trigger()) {
                case Trigger.Keyword keyword -> new Candidate(flow,
                        keyword.keywords().stream().map(MatchText::keyword).filter(k -> !k.isEmpty()).toList(), null,
                        Set.of());
                case Trigger.Regex regex -> new Candidate(flow, List.of(), compileOrNull(regex), Set.of());
                case Trigger.Gate ignored -> new Candidate(flow, List.of(), null, postbacks(flow.steps()));
                default -> new Candidate(flow, List.of(), null, Set.of());
            };
        }

        private static Set<String> postbacks(List<Step> steps) {
            Set<String> data = new HashSet<>();
            for (Step step : steps) {
                switch (step) {
                    case Step.Buttons buttons -> buttons.buttons().forEach(b -> data.add(b.data()));
                    case Step.Card card -> card.buttonList().forEach(b -> data.add(b.data()));
                    case Step.Carousel carousel -> carousel.buttons().forEach(b -> data.add(b.data()));
                    case Step.OptionList list -> list.options().forEach(o -> data.add(o.asButton().data()));
                    case Step.Branch branch -> {
                        data.addAll(postbacks(branch.steps()));
                        data.addAll(postbacks(branch.taken(false)));
                    }
                    default -> {
                    }
                }
            }
            return Set.copyOf(data);
        }

        boolean matchesKeyword(Trigger.Keyword trigger, String text) {
            for (String keyword : keywords) {
                boolean hit = trigger.match() == Trigger.Match.EXACT ? text.equals(keyword) : text.contains(keyword);
                if (hit) {
                    return true;
                }
            }
            return false;
        }

        /** The API refuses such patterns; one stored under older rules simply never matches. */
        private static Pattern compileOrNull(Trigger.Regex regex) {
            try {
                return regex.compile();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
