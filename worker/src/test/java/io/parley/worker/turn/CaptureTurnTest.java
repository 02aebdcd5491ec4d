package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.capture.FlowStateRepository;
import io.parley.core.flow.capture.FlowStateRow;
import io.parley.core.flow.capture.InputKind;
import io.parley.core.flow.condition.Condition;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.Ids;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ask steps through the inbound turn: capture, re-ask, attempts, branches on the answer, go-to, gates that ask. */
@MicronautTest(transactional = false)
class CaptureTurnTest extends TurnTest {

    static final String LLM_ANSWER = "Hello! How can I help you today?";

    private final FakeLlm llm = new FakeLlm();
    @Inject
    FlowStateRepository states;

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    static Flow booking() {
        return new Flow(Ids.next(), "booking", true, 0, new Trigger.Keyword(List.of("book"), Trigger.Match.EXACT),
                List.of(new Step.Ask("How many people?", InputKind.NUMBER, null, null, "contact.attributes.partySize",
                                "Please send a number, like 4.", 3, "Let's try again later."),
                        new Step.Ask("Which date?", InputKind.DATE, null, null, "conversation.variables.date", null, 3,
                                null),
                        new Step.Branch(Condition.test("contact.attributes.partySize", "gte", 6),
                                List.of(new Step.Text("Groups of {{contact.attributes.partySize}} book by phone.")),
                                List.of(new Step.Text("Booked for {{contact.attributes.partySize}}.")))));
    }

    @Test
    void aBookingFlowCapturesAnswersReAsksAndBranchesOnThem() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, booking());
        int before = llm.calls().size();

        assertThat(replyTexts(world, say(world, "U1", "book"))).containsExactly("How many people?");
        assertThat(replyTexts(world, say(world, "U1", "many"))).containsExactly("Please send a number, like 4.");
        assertThat(replyTexts(world, say(world, "U1", "４"))).as("full-width digits read").containsExactly("Which date?");
        assertThat(replyTexts(world, say(world, "U1", "someday"))).as("no retry text: the question again")
                .containsExactly("Which date?");
        UUID last = say(world, "U1", "2026/12/24");

        assertThat(replyTexts(world, last)).containsExactly("Booked for 4.");
        assertThat(read(contactOf(world, last).attributes())).containsEntry("partySize", "4");
        FlowStateRow state = state(world, last);
        assertThat(read(state.variables())).containsEntry("date", "2026-12-24");
        assertThat(state.flowId()).as("no longer waiting").isNull();
        assertThat(llm.calls()).as("answers never reach the LLM").hasSize(before);

        assertThat(replyTexts(world, say(world, "U1", "thanks"))).containsExactly(LLM_ANSWER);
        assertThat(replyTexts(world, say(world, "U1", "book"))).containsExactly("How many people?");
        say(world, "U1", "8");
        assertThat(replyTexts(world, say(world, "U1", "2027-01-05"))).containsExactly("Groups of 8 book by phone.");
    }

    @Test
    void whenTheAttemptsAreUsedUpTheFailTextEndsTheFlow() {
        World world = world(BotSpec.llm(llm), "web");
        flow(world, booking());

        UUID question = say(world, "U1", "book");
        FlowStateRow waiting = state(world, question);
        assertThat(waiting.flowId()).as("the question is kept in the database, so a restart resumes it").isNotNull();
        assertThat(waiting.stepIndex()).isZero();
        assertThat(replyTexts(world, say(world, "U1", "a few"))).containsExactly("Please send a number, like 4.");
        assertThat(replyTexts(world, say(world, "U1", "some"))).containsExactly("Please send a number, like 4.");
        assertThat(replyTexts(world, say(world, "U1", "lots"))).containsExactly("Let's try again later.");
        assertThat(replyTexts(world, say(world, "U1", "hello"))).containsExactly(LLM_ANSWER);
    }

    @Test
    void aChoiceIsAnsweredByItsButtonOrItsLabelAndGoToContinuesInAnotherFlow() {
        World world = world(BotSpec.llm(llm), "telegram");
        Flow size = new Flow(Ids.next(), "size", true, 0, new Trigger.Postback("unused"), List.of(
                new Step.Ask("Which size?", InputKind.CHOICE, List.of(new Step.Button("Small", "size=s"),
                        new Step.Button("Large", "size=l")), null, "conversation.variables.size", null, 2, null),
                new Step.Branch(Condition.test("conversation.variables.size", "equals", "size=l"),
                        List.of(new Step.Text("A large one.")), List.of(new Step.Text("A small one.")))));
        flow(world, size);
        flow(world, new Flow(Ids.next(), "order", true, 0, new Trigger.Keyword(List.of("coffee"),
                Trigger.Match.EXACT), List.of(new Step.Text("Coffee it is."), new Step.GoTo(size.id().toString()))));

        UUID order = say(world, "U1", "coffee");
        assertThat(repliesTo(world, order)).extracting(m -> m.type() + ":" + m.text())
                .containsExactly("text:Coffee it is.", "buttons:Which size?");
        assertThat(replyTexts(world, say(world, "U1", "LARGE"))).containsExactly("A large one.");
        say(world, "U1", "coffee");
        UUID pressed = turn(world, event(world, InboundEvent.Type.POSTBACK, "U1", null, "size=s", "rt-p"));
        assertThat(replyTexts(world, pressed)).containsExactly("A small one.");
    }

    @Test
    void aGateThatAsksForACodeKeepsAskingUntilItIsGiven() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, new Flow(Ids.next(), "code gate", true, 0,
                new Trigger.Gate(Condition.test("contact.attributes.code", "exists", null)),
                List.of(new Step.Ask("Your access code, please.", InputKind.REGEX, null, "[A-Z]{4}-\\d{4}",
                        "contact.attributes.code", "That is not a code (like ABCD-1234).", 5, null),
                        new Step.Text("Welcome in!"))));

        assertThat(replyTexts(world, say(world, "U1", "hi"))).containsExactly("Your access code, please.");
        assertThat(replyTexts(world, say(world, "U1", "let me in")))
                .containsExactly("That is not a code (like ABCD-1234).");
        assertThat(replyTexts(world, say(world, "U1", "abcd-1234"))).containsExactly("Welcome in!");
        assertThat(replyTexts(world, say(world, "U1", "hi"))).containsExactly(LLM_ANSWER);
    }

    private FlowStateRow state(World world, UUID inbound) {
        UUID conversation = conversation(world, inbound).id();
        return scope.read(world.tenant(), () -> states.find(world.tenant().value(), conversation).orElseThrow());
    }
}
