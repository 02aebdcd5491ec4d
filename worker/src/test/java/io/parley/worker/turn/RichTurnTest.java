package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rich steps through the inbound turn: what is queued, buttons that start a flow, numbers typed as answers. */
@MicronautTest(transactional = false)
class RichTurnTest extends TurnTest {

    private static final String LLM_ANSWER = "Hello! How can I help you today?";

    private final FakeLlm llm = new FakeLlm();

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void aCardIsQueuedWithItsButtonsPostbackAndAPressOfAFlowButtonRunsThatFlow() {
        World world = world(BotSpec.llm(llm), "line");
        UUID staff = Ids.next();
        flow(world, new Flow(staff, "staff", true, 0, new Trigger.Keyword(List.of("staff"), Trigger.Match.EXACT),
                List.of(new Step.Text("A colleague will answer."))));
        flow(world, new Flow(Ids.next(), "menu", true, 0, new Trigger.Keyword(List.of("menu"), Trigger.Match.EXACT),
                List.of(new Step.Card("Hi {{contact.displayName}}", "Autumn menu.", "https://cdn.example.com/a.jpg",
                        List.of(new Step.Button("Order", "order", null), new Step.Button("Staff", null,
                                staff.toString())), new Step.Link("Details", "https://example.com/a")))));

        UUID menu = say(world, "U1", "menu");
        UUID pressed = turn(world, event(world, InboundEvent.Type.POSTBACK, "U1", null, "flow:" + staff, "rt-p"));

        MessageRow card = repliesTo(world, menu).getFirst();
        assertThat(card.type()).isEqualTo("card");
        assertThat(card.text()).isEqualTo("Autumn menu.");
        Map<String, Object> payload = read(card.payload());
        assertThat(payload).containsEntry("title", "Hi Mei Lin").containsEntry("imageUrl",
                "https://cdn.example.com/a.jpg").containsEntry("link", Map.of("label", "Details",
                "url", "https://example.com/a"));
        assertThat(payload.get("buttons")).isEqualTo(List.of(Map.of("label", "Order", "postback", "order"),
                Map.of("label", "Staff", "postback", "flow:" + staff)));
        assertThat(replyTexts(world, pressed)).containsExactly("A colleague will answer.");
    }

    @Test
    void aFlowButtonOfADisabledOrUnknownFlowIsAnOrdinaryPressAndOldPostbackFlowsStillWin() {
        World world = world(BotSpec.llm(llm), "telegram");
        UUID off = Ids.next();
        flow(world, new Flow(off, "off", false, 0, new Trigger.Keyword(List.of("x"), Trigger.Match.EXACT),
                List.of(new Step.Text("Disabled."))));
        UUID named = Ids.next();
        flow(world, new Flow(named, "named", true, 0, new Trigger.Keyword(List.of("y"), Trigger.Match.EXACT),
                List.of(new Step.Text("By id."))));
        flow(world, new Flow(Ids.next(), "legacy", true, 0, new Trigger.Postback("flow:" + named),
                List.of(new Step.Text("By postback data."))));

        UUID disabled = turn(world, event(world, InboundEvent.Type.POSTBACK, "U1", null, "flow:" + off, "rt-1"));
        UUID legacy = turn(world, event(world, InboundEvent.Type.POSTBACK, "U1", null, "flow:" + named, "rt-2"));

        assertThat(replyTexts(world, disabled)).doesNotContain("Disabled.");
        assertThat(replyTexts(world, legacy)).containsExactly("By postback data.");
    }

    @Test
    void aNumberTypedAfterAListAnswersLikePressingThatOptionButNotLater() {
        World world = world(BotSpec.llm(llm), "whatsapp");
        UUID colour = Ids.next();
        flow(world, new Flow(colour, "colour", true, 0, new Trigger.Keyword(List.of("colour"), Trigger.Match.EXACT),
                List.of(new Step.Text("Colour takes two hours."))));
        flow(world, new Flow(Ids.next(), "haircut", true, 0, new Trigger.Postback("cut"),
                List.of(new Step.Text("A haircut is 30 minutes."))));
        flow(world, new Flow(Ids.next(), "services", true, 0, new Trigger.Keyword(List.of("services"),
                Trigger.Match.EXACT), List.of(new Step.OptionList("Which service?", "Services", List.of(
                new Step.Option("Haircut", "30 minutes", "cut", null),
                new Step.Option("Colour", null, null, colour.toString()))))));

        UUID list = say(world, "U1", "services");
        UUID second = say(world, "U1", "２");
        UUID again = say(world, "U1", "1");

        MessageRow sent = repliesTo(world, list).getFirst();
        assertThat(sent.type()).isEqualTo("list");
        assertThat(read(sent.payload())).containsEntry("button", "Services");
        assertThat(replyTexts(world, second)).as("full-width 2 picks the second option")
                .containsExactly("Colour takes two hours.");
        assertThat(replyTexts(world, again)).as("the list is no longer the last message")
                .containsExactly(LLM_ANSWER);
    }
}
