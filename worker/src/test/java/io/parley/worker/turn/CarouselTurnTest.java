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

/**
 * A carousel step through the inbound turn: one carousel message where the channel shows carousels (LINE, web chat),
 * one card message per card where it does not (WhatsApp, Telegram); its buttons answer like a card's.
 */
@MicronautTest(transactional = false)
class CarouselTurnTest extends TurnTest {

    private final FakeLlm llm = new FakeLlm();

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void onLineACarouselIsOneMessageWithEveryCardAndAPressOfAFlowButtonRunsThatFlow() {
        World world = world(BotSpec.llm(llm), "line");
        UUID staff = staffFlow(world);
        menu(world, staff);

        UUID asked = say(world, "U1", "menu");
        UUID pressed = turn(world, event(world, InboundEvent.Type.POSTBACK, "U1", null, "flow:" + staff, "ct-p"));

        List<MessageRow> replies = repliesTo(world, asked);
        assertThat(replies).hasSize(1);
        MessageRow carousel = replies.getFirst();
        assertThat(carousel.type()).isEqualTo("carousel");
        assertThat(carousel.text()).isEqualTo("Cake for Mei Lin\nBaked this morning.\n\nLatte\nRoasted tea.");
        assertThat(read(carousel.payload()).get("cards")).isEqualTo(List.of(
                Map.of("title", "Cake for Mei Lin", "text", "Baked this morning.",
                        "imageUrl", "https://cdn.example.com/cake.jpg", "buttons", List.of(
                                Map.of("label", "Order", "postback", "order=cake"),
                                Map.of("label", "Staff", "postback", "flow:" + staff))),
                Map.of("title", "Latte", "text", "Roasted tea.", "buttons", List.of(
                        Map.of("label", "Order", "postback", "order=latte")))));
        assertThat(replyTexts(world, pressed)).containsExactly("A colleague will answer.");
    }

    @Test
    void onTelegramEachCardIsACardMessageOfItsOwnInOrder() {
        World world = world(BotSpec.llm(llm), "telegram");
        menu(world, staffFlow(world));

        List<MessageRow> replies = repliesTo(world, say(world, "U1", "menu"));

        assertThat(replies).extracting(MessageRow::type).containsExactly("card", "card");
        assertThat(replies).extracting(MessageRow::text).containsExactly("Baked this morning.", "Roasted tea.");
        Map<String, Object> second = read(replies.get(1).payload());
        assertThat(second).containsEntry("title", "Latte").containsEntry("origin", "flow")
                .containsEntry("buttons", List.of(Map.of("label", "Order", "postback", "order=latte")))
                .doesNotContainKey("text").doesNotContainKey("cards");
    }

    @Test
    void aNumberTypedAfterACarouselPressesThatButtonCountingCardAfterCard() {
        World world = world(BotSpec.llm(llm), "web");
        menu(world, staffFlow(world));
        flow(world, new Flow(Ids.next(), "latte", true, 0, new Trigger.Postback("order=latte"),
                List.of(new Step.Text("One latte coming."))));

        say(world, "U1", "menu");
        UUID third = say(world, "U1", "3");

        assertThat(replyTexts(world, third)).containsExactly("One latte coming.");
    }

    private UUID staffFlow(World world) {
        UUID staff = Ids.next();
        flow(world, new Flow(staff, "staff", true, 0, new Trigger.Keyword(List.of("staff"), Trigger.Match.EXACT),
                List.of(new Step.Text("A colleague will answer."))));
        return staff;
    }

    private void menu(World world, UUID staff) {
        flow(world, new Flow(Ids.next(), "menu", true, 0, new Trigger.Keyword(List.of("menu"), Trigger.Match.EXACT),
                List.of(new Step.Carousel(List.of(
                        new Step.CarouselCard("Cake for {{contact.displayName}}", "Baked this morning.",
                                "https://cdn.example.com/cake.jpg", List.of(new Step.Button("Order", "order=cake"),
                                new Step.Button("Staff", null, staff.toString()))),
                        new Step.CarouselCard("Latte", "Roasted tea.", null,
                                List.of(new Step.Button("Order", "order=latte"))))))));
    }
}
