package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.condition.Condition;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Gates, flow conditions and branch steps through the inbound turn, on real PostgreSQL, with the fake LLM. */
@MicronautTest(transactional = false)
class GateTurnTest extends TurnTest {

    private static final String LLM_ANSWER = "Hello! How can I help you today?";

    private final FakeLlm llm = new FakeLlm();

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void aSetupGateSendsTheSetupLinkUntilTheContactHasSetUpThenTheLlmChats() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, new Flow(Ids.next(), "setup first", true, 0,
                new Trigger.Gate(Condition.test("contact.personaOverride", "exists", null)),
                List.of(new Step.Text("Create your character first: {{setupUrl}}"))));
        int before = llm.calls().size();

        UUID hello = say(world, "U1", "hi!");
        UUID sticker = turn(world, event(world, InboundEvent.Type.STICKER, "U1", null, null, "rt-s"));

        assertThat(replyTexts(world, hello)).singleElement().asString()
                .matches("Create your character first: http://localhost:8080/setup/pst_\\S+");
        assertThat(replyTexts(world, sticker)).as("a sticker does not slip past the gate").singleElement().asString()
                .startsWith("Create your character first: ");
        assertThat(llm.calls()).as("nothing reaches the LLM with an empty persona").hasSize(before);

        UUID contact = contactOf(world, hello).id();
        scope.writeVoid(world.tenant(), () -> sql("UPDATE contacts SET persona_override = 'You are Aki.' "
                + "WHERE tenant_id = ? AND id = ?", world.tenant().value(), contact));
        UUID afterSetup = say(world, "U1", "hi again");

        assertThat(replyTexts(world, afterSetup)).containsExactly(LLM_ANSWER);
        assertThat(llm.calls()).hasSize(before + 1);
    }

    @Test
    void anAgeGateAsksUntilConfirmedAndOnlyItsOwnButtonsPassIt() {
        World world = world(BotSpec.llm(llm), "telegram");
        flow(world, new Flow(Ids.next(), "age gate", true, 0,
                new Trigger.Gate(Condition.test("contact.attributes.ageConfirmed", "equals", "yes")),
                List.of(new Step.Buttons("Are you 18 or older?", List.of(new Step.Button("Yes", "age=yes"),
                        new Step.Button("No", "age=no")), Step.Style.BUTTONS))));
        flow(world, new Flow(Ids.next(), "adult", true, 0, new Trigger.Postback("age=yes"),
                List.of(new Step.SetAttribute("ageConfirmed", "yes"), new Step.Text("Thanks!"))));
        flow(world, new Flow(Ids.next(), "minor", true, 0, new Trigger.Postback("age=no"),
                List.of(new Step.Text("Sorry, adults only."))));
        flow(world, new Flow(Ids.next(), "dating", true, 100, new Trigger.Keyword(List.of("date"),
                Trigger.Match.CONTAINS), List.of(new Step.Text("Let's plan a date."))));
        flow(world, new Flow(Ids.next(), "old button", true, 0, new Trigger.Postback("menu"),
                List.of(new Step.Text("Menu"))));
        int before = llm.calls().size();

        assertThat(replyTexts(world, say(world, "U1", "a date tonight?"))).containsExactly("Are you 18 or older?");
        assertThat(replyTexts(world, press(world, "menu"))).as("other buttons are gated too")
                .containsExactly("Are you 18 or older?");
        assertThat(replyTexts(world, press(world, "age=no"))).containsExactly("Sorry, adults only.");
        assertThat(replyTexts(world, say(world, "U1", "a date?"))).containsExactly("Are you 18 or older?");
        UUID yes = press(world, "age=yes");
        assertThat(replyTexts(world, yes)).containsExactly("Thanks!");
        assertThat(read(contactOf(world, yes).attributes())).containsEntry("ageConfirmed", "yes");

        assertThat(replyTexts(world, say(world, "U1", "a date tonight?"))).containsExactly("Let's plan a date.");
        assertThat(replyTexts(world, say(world, "U1", "how are you"))).containsExactly(LLM_ANSWER);
        assertThat(llm.calls()).hasSize(before + 1);
    }

    @Test
    void aBranchStepAnswersByWhatTheContactHasToldSoFar() {
        World world = world(BotSpec.llm(llm), "web");
        flow(world, new Flow(Ids.next(), "booking", true, 0, new Trigger.Keyword(List.of("book"),
                Trigger.Match.EXACT), List.of(new Step.Branch(
                Condition.test("contact.attributes.partySize", "gte", 6),
                List.of(new Step.Text("Groups of {{contact.attributes.partySize}} book by phone."),
                        new Step.Handoff(null)),
                List.of(new Step.Text("Booked a table for {{contact.attributes.partySize}}."))))));
        flow(world, new Flow(Ids.next(), "party of eight", true, 0, new Trigger.Keyword(List.of("we are 8"),
                Trigger.Match.EXACT), List.of(new Step.SetAttribute("partySize", "8"), new Step.Text("Noted."))));
        flow(world, new Flow(Ids.next(), "party of two", true, 0, new Trigger.Keyword(List.of("we are 2"),
                Trigger.Match.EXACT), List.of(new Step.SetAttribute("partySize", "2"), new Step.Text("Noted."))));

        say(world, "couple", "we are 2");
        UUID small = say(world, "couple", "book");
        say(world, "group", "we are 8");
        UUID large = say(world, "group", "book");

        assertThat(replyTexts(world, small)).containsExactly("Booked a table for 2.");
        assertThat(replyTexts(world, large)).containsExactly("Groups of 8 book by phone.");
        assertThat(conversation(world, large).botPaused()).as("the branch's handoff ran").isTrue();
        assertThat(conversation(world, small).botPaused()).isFalse();
    }

    @Test
    void aFlowWithAConditionAnswersOnlyTheContactsAndChannelsItIsFor() {
        World line = world(BotSpec.llm(llm), "line");
        World web = world(BotSpec.llm(llm), "web");
        for (World world : List.of(line, web)) {
            flow(world, new Flow(Ids.next(), "web offer", true, 0, new Trigger.Keyword(List.of("offer"),
                    Trigger.Match.EXACT), List.of(new Step.Text("10% off on the web today")),
                    Condition.allOf(List.of(Condition.test("channel", "equals", "web"),
                            Condition.testValues("contact.tier", "in", List.of("free", "basic"))))));
        }

        assertThat(replyTexts(line, say(line, "U1", "offer"))).containsExactly(LLM_ANSWER);
        assertThat(replyTexts(web, say(web, "U1", "offer"))).containsExactly("10% off on the web today");
    }

    private UUID press(World world, String data) {
        return turn(world, event(world, InboundEvent.Type.POSTBACK, "U1", null, data, "rt-" + UUID.randomUUID()));
    }
}
