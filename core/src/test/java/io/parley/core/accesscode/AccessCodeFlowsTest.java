package io.parley.core.accesscode;

import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.capture.InputKind;
import io.parley.core.flow.condition.Condition;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which bots ask for an access code, so that the setup page offers a code field. */
class AccessCodeFlowsTest {

    private static final Condition REDEEMED = Condition.test("contact.accessCode", "exists", null);
    private static final List<Step> TEXT = List.of(new Step.Text("Enter your code on {{setupUrl}}"));

    private static Flow flow(boolean enabled, Trigger trigger, List<Step> steps) {
        return new Flow(Ids.next(), "f", enabled, 0, trigger, steps);
    }

    private static Trigger keyword() {
        return new Trigger.Keyword(List.of("code"), Trigger.Match.CONTAINS);
    }

    @Test
    void aGateUntilACodeIsRedeemedAsksEvenInsideAllAnyOrNot() {
        assertThat(AccessCodeFlows.asks(List.of(flow(true, new Trigger.Gate(REDEEMED), TEXT)))).isTrue();
        assertThat(AccessCodeFlows.asks(List.of(flow(true, new Trigger.Gate(Condition.allOf(List.of(
                Condition.test("contact.tier", "equals", "free"),
                Condition.anyOf(List.of(Condition.negate(Condition.test("contact.accessCode", "not_exists", null))))))),
                TEXT)))).isTrue();
    }

    @Test
    void anAskStepForACodeAsks() {
        Step ask = new Step.Ask("Your code?", InputKind.ACCESS_CODE, null, null, null, null, 3, null);
        assertThat(AccessCodeFlows.asks(List.of(flow(true, keyword(), List.of(ask))))).isTrue();
    }

    @Test
    void otherGatesOtherAsksAndDisabledFlowsDoNotAsk() {
        Condition setUp = Condition.test("contact.personaOverride", "exists", null);
        Step askName = new Step.Ask("Your name?", InputKind.TEXT, null, null, "contact.attributes.name", null, 3,
                null);
        assertThat(AccessCodeFlows.asks(List.of(flow(true, new Trigger.Gate(setUp), TEXT),
                flow(true, keyword(), List.of(askName)), flow(false, new Trigger.Gate(REDEEMED), TEXT)))).isFalse();
        assertThat(AccessCodeFlows.asks(List.of())).isFalse();
    }
}
