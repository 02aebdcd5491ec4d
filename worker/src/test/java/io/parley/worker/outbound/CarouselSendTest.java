package io.parley.worker.outbound;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A carousel leaves for LINE as one Flex carousel of card bubbles: the request body is compared byte for byte with
 * a fixture written from the Flex Message reference (src/test/resources/rich/line-push-flex-carousel.json; sources
 * in docs/flows.md). WhatsApp and Telegram never see a carousel row: the turn queues one card per card there
 * ({@code CarouselTurnTest}), which {@link RichSendTest} covers.
 */
@MicronautTest(transactional = false)
class CarouselSendTest extends OutboundTest {

    static final String CAROUSEL = """
            {"cards": [
              {"title": "Chestnut cake", "text": "Baked this morning.", "imageUrl": "https://cdn.example.com/cake.jpg",
               "buttons": [{"label": "Order", "postback": "order=cake"},
                           {"label": "Talk to staff", "postback": "flow:0193a4b2-7c1e-7d2a-9f00-3c5e8a1b2c3d"}]},
              {"title": "Hojicha latte", "text": "Roasted green tea with milk.",
               "buttons": [{"label": "Order", "postback": "order=latte"}]},
              {"title": "Opening hours", "text": "10:00-18:00 every day."}],
             "origin": "flow"}""";

    @Test
    void aCarouselIsPushedToLineAsAFlexCarouselWithOneBubblePerCard() throws Exception {
        Chat chat = lineChat();
        UUID carousel = queue(chat, "carousel", "Chestnut cake\nBaked this morning.\n\nHojicha latte\nRoasted green "
                + "tea with milk.\n\nOpening hours\n10:00-18:00 every day.", CAROUSEL);

        send(chat, List.of(carousel), null, null);

        FakeProviders.Request push = fake.requests("/v2/bot/message/push").getLast();
        assertThat(push.body()).isEqualTo(fixture("line-push-flex-carousel.json"));
        assertThat(message(chat, carousel).status()).isEqualTo("sent");
    }

    @Test
    void aCarouselWithoutCardsFailsAsUnsendableInsteadOfReachingLine() throws Exception {
        Chat chat = lineChat();
        UUID broken = queue(chat, "carousel", "Nothing", "{\"cards\": []}");

        send(chat, List.of(broken), null, null);

        assertThat(message(chat, broken).status()).isEqualTo("failed");
        assertThat(fake.requests("/v2/bot/message/push")).noneMatch(request -> request.body().contains("Nothing"));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = CarouselSendTest.class.getResourceAsStream("/rich/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
