package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.PersonaTemplate;
import io.parley.core.flow.AnswerCheck;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowEvent;
import io.parley.core.flow.FlowTurn;
import io.parley.core.flow.Step;
import io.parley.core.flow.capture.FlowStateRow;
import io.parley.core.flow.capture.InputKind;
import io.parley.core.flow.capture.SaveTarget;
import io.parley.core.flow.condition.ConditionFacts;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contact's answer to a waiting ask step: a valid answer is stored (contact attribute or conversation variable)
 * and the flow goes on from the next step; an invalid one is re-asked until the step's attempts are used up, then
 * the step's fail text (if any) ends the flow. Whether a message is an answer at all (cancel words, expiry) is
 * {@link FlowPlanner}'s decision.
 */
@Singleton
final class CapturePlanner {

    private final CaptureSettings settings;
    private final AccessCodeAnswer accessCodes;

    CapturePlanner(CaptureSettings settings, AccessCodeAnswer accessCodes) {
        this.settings = settings;
        this.accessCodes = accessCodes;
    }

    CaptureSettings settings() {
        return settings;
    }

    /** A new wait at the step {@code waiting} names, from now. */
    FlowPlanner.Wait waitAt(FlowTurn.Waiting waiting, int attempts, Instant now) {
        return new FlowPlanner.Wait(waiting.flowId(), waiting.stepIndex(), attempts, now.plus(settings.answerTimeout()));
    }

    /** The plan for {@code answer}; null when the waiting step no longer exists (the flow was edited or deleted). */
    @Nullable
    FlowPlanner.Plan answer(Turn turn, FlowStateRow state, FlowEvent answer, ConditionFacts facts,
                            @Nullable String setupUrl, Instant now) {
        Flow flow = turn.flows().flow(state.flowId().toString());
        int index = state.stepIndex();
        if (flow == null || index >= flow.steps().size() || !(flow.steps().get(index) instanceof Step.Ask ask)) {
            return null;
        }
        if (ask.input() == InputKind.ACCESS_CODE) {
            Optional<FlowPlanner.Plan> redeemed = accessCodes.answer(turn, flow, index, ask, answer, facts, setupUrl,
                    now, this);
            if (redeemed.isPresent()) {
                return redeemed.get();
            }
        }
        SaveTarget target = SaveTarget.parse(ask.saveTo()).orElse(null);
        Optional<String> value = target == null ? Optional.empty() : AnswerCheck.check(ask, answer);
        if (value.isPresent()) {
            Map<String, String> attributeChanges = new LinkedHashMap<>();
            Map<String, String> variableChanges = new LinkedHashMap<>();
            ConditionFacts next = facts;
            if (target.contact()) {
                Map<String, Object> attributes = new LinkedHashMap<>(facts.attributes());
                attributes.put(target.key(), value.get());
                attributeChanges.put(target.key(), value.get());
                next = facts.withAttributes(attributes);
            } else {
                Map<String, Object> variables = new LinkedHashMap<>(facts.variables());
                variables.put(target.key(), value.get());
                variableChanges.put(target.key(), value.get());
                next = facts.withVariables(variables);
            }
            FlowTurn rest = FlowTurn.run(flow, index + 1, next, turn.bot().name(), setupUrl, turn.flows()::flow);
            attributeChanges.putAll(rest.attributeChanges());
            FlowPlanner.Plan plan = FlowPlanner.plan(rest, List.of());
            FlowPlanner.Wait wait = rest.waiting() == null ? FlowPlanner.Wait.STOP : waitAt(rest.waiting(), 0, now);
            return new FlowPlanner.Plan(plan.messages(), plan.then(), plan.instruction(), attributeChanges, wait,
                    variableChanges);
        }
        int attempts = state.attempts() + 1;
        var values = PersonaTemplate.contactValues(facts.displayName(), facts.tier(), facts.attributes(),
                turn.bot().name(), setupUrl);
        if (attempts >= ask.maxAttempts()) {
            List<OutboundMessage> fail = ask.failText() == null ? List.of()
                    : List.of(OutboundMessage.text(PersonaTemplate.render(ask.failText(), values)));
            return new FlowPlanner.Plan(fail, FlowTurn.Then.REPLY, null, Map.of(), FlowPlanner.Wait.STOP, Map.of());
        }
        String text = PersonaTemplate.render(ask.retryText() == null ? ask.text() : ask.retryText(), values);
        Step again = ask.input() == InputKind.CHOICE && ask.buttons() != null
                ? new Step.Buttons(text, ask.buttons(), Step.Style.QUICK_REPLIES) : new Step.Text(text);
        return new FlowPlanner.Plan(OutboundMessage.of(again).stream().toList(), FlowTurn.Then.REPLY, null, Map.of(),
                new FlowPlanner.Wait(flow.id(), index, attempts, now.plus(settings.answerTimeout())), Map.of());
    }
}
