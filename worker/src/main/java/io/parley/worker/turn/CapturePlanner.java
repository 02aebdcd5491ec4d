package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowEvent;
import io.parley.core.flow.FlowTurn;
import io.parley.core.flow.Step;
import io.parley.core.flow.capture.AnswerTurn;
import io.parley.core.flow.capture.CaptureSettings;
import io.parley.core.flow.capture.FlowStateRow;
import io.parley.core.flow.capture.InputKind;
import io.parley.core.flow.condition.ConditionFacts;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contact's answer to a waiting ask step, decided by core's {@link AnswerTurn} (as the API's dry-run does) after
 * access codes are redeemed: a valid answer is stored and the flow goes on; an invalid one is re-asked until the
 * step's attempts are used up, then the step's fail text (if any) ends the flow. Whether a message is an answer at
 * all (cancel words, expiry) is {@link FlowPlanner}'s decision.
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
        AnswerTurn result = Objects.requireNonNull(AnswerTurn.answer(flow, index, state.attempts(), answer, facts,
                turn.bot().name(), setupUrl, turn.flows()::flow));
        FlowPlanner.Plan plan = FlowPlanner.plan(result.turn(), List.of());
        FlowPlanner.Wait wait = switch (result.outcome()) {
            case CAPTURED -> result.turn().waiting() == null ? FlowPlanner.Wait.STOP
                    : waitAt(result.turn().waiting(), 0, now);
            case REASK -> new FlowPlanner.Wait(flow.id(), index, result.attempts(), now.plus(settings.answerTimeout()));
            case FAILED -> FlowPlanner.Wait.STOP;
        };
        return new FlowPlanner.Plan(plan.messages(), plan.then(), plan.instruction(), result.turn().attributeChanges(),
                wait, result.variableChanges());
    }
}
