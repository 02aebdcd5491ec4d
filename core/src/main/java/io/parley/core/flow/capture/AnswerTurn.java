package io.parley.core.flow.capture;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.PersonaTemplate;
import io.parley.core.flow.AnswerCheck;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowEvent;
import io.parley.core.flow.FlowTurn;
import io.parley.core.flow.Step;
import io.parley.core.flow.condition.ConditionFacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the contact's answer to a waiting ask step does: a valid answer is stored (contact attribute or conversation
 * variable) and the flow goes on from the next step; an invalid one is asked again until the step's attempts are
 * used up, then the step's fail text (if any) ends the flow. The message pipeline (worker's CapturePlanner) and the
 * API's dry-run both decide answers here. Access codes are redeemed by the pipeline before this (a dry-run redeems
 * nothing), so here an {@code access_code} answer is always invalid.
 *
 * @param outcome         captured, asked again, or the attempts were used up
 * @param value           the stored value (normalized: {@code 1,200} → {@code 1200}), when captured
 * @param target          where the value went, when captured
 * @param turn            what is sent: the flow's next steps once captured (their attribute changes after the
 *                        captured one), the re-ask (waiting at the same step), or the fail text
 * @param attempts        answers counted at this step so far (0 once captured)
 * @param variableChanges conversation variables set
 */
public record AnswerTurn(Outcome outcome, @Nullable String value, @Nullable SaveTarget target, FlowTurn turn,
                         int attempts, Map<String, String> variableChanges) {

    public enum Outcome {
        CAPTURED, REASK, FAILED
    }

    public AnswerTurn {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(turn, "turn");
        variableChanges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variableChanges));
    }

    /**
     * The answer to the ask step at top-level index {@code index} of {@code flow}, after {@code attemptsBefore}
     * invalid answers; null when that step is not an ask step (the flow was edited).
     */
    @Nullable
    public static AnswerTurn answer(Flow flow, int index, int attemptsBefore, FlowEvent answer, ConditionFacts facts,
                                    String botName, @Nullable String setupUrl, Function<String, Flow> flows) {
        if (index < 0 || index >= flow.steps().size() || !(flow.steps().get(index) instanceof Step.Ask ask)) {
            return null;
        }
        SaveTarget target = SaveTarget.parse(ask.saveTo()).orElse(null);
        String value = target == null ? null : AnswerCheck.check(ask, answer).orElse(null);
        if (value != null) {
            return captured(flow, index, facts, target, value, botName, setupUrl, flows);
        }
        int attempts = attemptsBefore + 1;
        var values = PersonaTemplate.contactValues(facts.displayName(), facts.tier(), facts.attributes(), botName,
                setupUrl);
        if (attempts >= ask.maxAttempts()) {
            List<Step> fail = ask.failText() == null ? List.of()
                    : List.of(new Step.Text(PersonaTemplate.render(ask.failText(), values)));
            return new AnswerTurn(Outcome.FAILED, null, null, new FlowTurn(fail, FlowTurn.Then.REPLY, Map.of()),
                    attempts, Map.of());
        }
        String text = PersonaTemplate.render(ask.retryText() == null ? ask.text() : ask.retryText(), values);
        Step again = ask.input() == InputKind.CHOICE && ask.buttons() != null
                ? new Step.Buttons(text, ask.buttons(), Step.Style.QUICK_REPLIES) : new Step.Text(text);
        return new AnswerTurn(Outcome.REASK, null, null, new FlowTurn(List.of(again), FlowTurn.Then.REPLY, Map.of(),
                List.of(), new FlowTurn.Waiting(flow.id(), index, ask)), attempts, Map.of());
    }

    private static AnswerTurn captured(Flow flow, int index, ConditionFacts facts, SaveTarget target, String value,
                                       String botName, @Nullable String setupUrl, Function<String, Flow> flows) {
        Map<String, String> attributeChanges = new LinkedHashMap<>();
        Map<String, String> variableChanges = new LinkedHashMap<>();
        ConditionFacts next;
        if (target.contact()) {
            Map<String, Object> attributes = new LinkedHashMap<>(facts.attributes());
            attributes.put(target.key(), value);
            attributeChanges.put(target.key(), value);
            next = facts.withAttributes(attributes);
        } else {
            Map<String, Object> variables = new LinkedHashMap<>(facts.variables());
            variables.put(target.key(), value);
            variableChanges.put(target.key(), value);
            next = facts.withVariables(variables);
        }
        FlowTurn rest = FlowTurn.run(flow, index + 1, next, botName, setupUrl, flows);
        attributeChanges.putAll(rest.attributeChanges());
        FlowTurn turn = new FlowTurn(rest.steps(), rest.then(), attributeChanges, rest.branches(), rest.waiting());
        return new AnswerTurn(Outcome.CAPTURED, value, target, turn, 0, variableChanges);
    }
}
