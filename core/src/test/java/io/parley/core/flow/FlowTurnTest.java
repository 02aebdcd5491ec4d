package io.parley.core.flow;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FlowTurnTest {

    private static final FlowTurn.Recipient MEI = new FlowTurn.Recipient("美玲", "premium", Map.of("sign", "Leo"));

    @Test
    void rendersPlaceholdersAndLaterStepsSeeAttributesSetBefore() {
        Flow flow = flow(
                new Step.Text("Hi {{contact.displayName}} ({{contact.tier}}), {{bot.name}} here. Sign: {{contact.attributes.sign}}"),
                new Step.SetAttribute("sign", "Virgo"),
                new Step.Buttons("Still {{contact.attributes.sign}}?", List.of(new Step.Button("Yes", "sign=ok")),
                        Step.Style.QUICK_REPLIES),
                new Step.Image("https://cdn.example/{{contact.displayName}}.png", null),
                new Step.Text("Set up: {{setupUrl}}"));

        FlowTurn turn = FlowTurn.of(flow, MEI, "Lumi", "https://parley.example/setup/x");

        assertThat(turn.steps()).containsExactly(
                new Step.Text("Hi 美玲 (premium), Lumi here. Sign: Leo"),
                new Step.SetAttribute("sign", "Virgo"),
                new Step.Buttons("Still Virgo?", List.of(new Step.Button("Yes", "sign=ok")), Step.Style.QUICK_REPLIES),
                new Step.Image("https://cdn.example/{{contact.displayName}}.png", null),
                new Step.Text("Set up: https://parley.example/setup/x"));
        assertThat(turn.then()).isEqualTo(FlowTurn.Then.REPLY);
        assertThat(turn.attributeChanges()).containsExactly(Map.entry("sign", "Virgo"));
    }

    @Test
    void askLlmAndHandoffSayHowTheTurnEnds() {
        FlowTurn ask = FlowTurn.of(flow(new Step.Text("One moment"),
                new Step.AskLlm("Answer as {{contact.attributes.sign}}'s horoscope")), MEI, "Lumi", null);
        FlowTurn handoff = FlowTurn.of(flow(new Step.Handoff("{{contact.displayName}}, a person will reply")),
                MEI, "Lumi", null);

        assertThat(ask.then()).isEqualTo(FlowTurn.Then.LLM);
        assertThat(ask.steps().get(1)).isEqualTo(new Step.AskLlm("Answer as Leo's horoscope"));
        assertThat(handoff.then()).isEqualTo(FlowTurn.Then.HANDOFF);
        assertThat(handoff.steps()).containsExactly(new Step.Handoff("美玲, a person will reply"));
    }

    @Test
    void withoutAFlowMessagesGoToTheLlmAndFollowersGetTheWelcomeMessage() {
        assertThat(FlowTurn.unmatched(new FlowEvent.Text("hi"), "Welcome!", MEI, "Lumi", null))
                .isEqualTo(new FlowTurn(List.of(), FlowTurn.Then.LLM, Map.of()));
        assertThat(FlowTurn.unmatched(new FlowEvent.Follow(), "Welcome {{contact.displayName}}: {{setupUrl}}", MEI,
                "Lumi", "https://s/1").steps()).containsExactly(new Step.Text("Welcome 美玲: https://s/1"));
        assertThat(FlowTurn.unmatched(new FlowEvent.Follow(), null, MEI, "Lumi", null))
                .isEqualTo(new FlowTurn(List.of(), FlowTurn.Then.REPLY, Map.of()));
    }

    private static Flow flow(Step... steps) {
        return new Flow(UUID.randomUUID(), "f", true, 0, new Trigger.Follow(), List.of(steps));
    }
}
