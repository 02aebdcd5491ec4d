package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.accesscode.AccessCodes;
import io.parley.core.bot.PersonaTemplate;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowEvent;
import io.parley.core.flow.FlowTurn;
import io.parley.core.flow.Step;
import io.parley.core.flow.capture.FlowStateRow;
import io.parley.core.flow.capture.SaveTarget;
import io.parley.core.flow.condition.ConditionFacts;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to an {@code ask} step with input {@code access_code}: redeemed against the bot's codes
 * ({@link AccessCodes}, its own transaction). Redeemed: the code's grants are already on the contact, the batch name
 * goes to {@code saveTo} (if any) and the flow goes on, seeing {@code contact.accessCode} as present. Refused: the
 * question is asked again like any invalid answer ({@link CapturePlanner}). Locked (too many wrong codes lately):
 * the step's {@code failText}, or {@code parley.access-codes.locked-message}, and the flow ends without a look at
 * the code.
 */
@Singleton
final class AccessCodeAnswer {

    private final AccessCodes codes;
    private final ContactAttributes attributes;

    AccessCodeAnswer(AccessCodes codes, ContactAttributes attributes) {
        this.codes = codes;
        this.attributes = attributes;
    }

    /** The plan for a redeemed or locked answer; empty when the code was refused (the caller re-asks). */
    Optional<FlowPlanner.Plan> answer(Turn turn, Flow flow, int index, Step.Ask ask, FlowEvent answer,
                                      ConditionFacts facts, @Nullable String setupUrl, Instant now,
                                      CapturePlanner captures) {
        if (!(answer instanceof FlowEvent.Text text)) {
            return Optional.empty();
        }
        AccessCodes.Redemption redemption = codes.redeem(turn.tenant(), turn.bot().id(), turn.contact().id(),
                text.text(), turn.eventId());
        return switch (redemption.outcome()) {
            case REFUSED -> Optional.empty();
            case LOCKED -> {
                String locked = ask.failText() == null ? codes.settings().lockedMessage()
                        : PersonaTemplate.render(ask.failText(), PersonaTemplate.contactValues(facts.displayName(),
                        facts.tier(), facts.attributes(), turn.bot().name(), setupUrl));
                yield Optional.of(new FlowPlanner.Plan(List.of(OutboundMessage.text(locked)), FlowTurn.Then.REPLY,
                        null, Map.of(), FlowPlanner.Wait.STOP, Map.of()));
            }
            case REDEEMED -> Optional.of(redeemed(turn, flow, index, ask, redemption, facts, setupUrl, now, captures));
        };
    }

    private FlowPlanner.Plan redeemed(Turn turn, Flow flow, int index, Step.Ask ask,
                                      AccessCodes.Redemption redemption, ConditionFacts facts,
                                      @Nullable String setupUrl, Instant now, CapturePlanner captures) {
        Map<String, Object> granted = new LinkedHashMap<>(attributes.read(redemption.contact().attributes()));
        Map<String, String> attributeChanges = new LinkedHashMap<>();
        Map<String, String> variableChanges = new LinkedHashMap<>();
        ConditionFacts next = facts.redeemed(redemption.contact().tier(), granted);
        SaveTarget target = SaveTarget.parse(ask.saveTo()).orElse(null);
        if (target != null && target.contact()) {
            granted.put(target.key(), redemption.batchName());
            attributeChanges.put(target.key(), redemption.batchName());
            next = next.withAttributes(granted);
        } else if (target != null) {
            Map<String, Object> variables = new LinkedHashMap<>(facts.variables());
            variables.put(target.key(), redemption.batchName());
            variableChanges.put(target.key(), redemption.batchName());
            next = next.withVariables(variables);
        }
        FlowTurn rest = FlowTurn.run(flow, index + 1, next, turn.bot().name(), setupUrl, turn.flows()::flow);
        attributeChanges.putAll(rest.attributeChanges());
        FlowPlanner.Plan plan = FlowPlanner.plan(rest, List.of());
        FlowPlanner.Wait wait = rest.waiting() == null ? FlowPlanner.Wait.STOP : captures.waitAt(rest.waiting(), 0, now);
        return new FlowPlanner.Plan(plan.messages(), plan.then(), plan.instruction(), attributeChanges, wait,
                variableChanges);
    }
}
