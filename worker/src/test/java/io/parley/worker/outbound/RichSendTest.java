package io.parley.worker.outbound;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cards, lists and link buttons leave as each channel's own message kind: the request bodies are compared byte for
 * byte with fixtures written from the providers' documentation (src/test/resources/rich, sources in docs/flows.md).
 */
@MicronautTest(transactional = false)
class RichSendTest extends OutboundTest {

    private static final String FLOW = "0193a4b2-7c1e-7d2a-9f00-3c5e8a1b2c3d";
    private static final String CARD = """
            {"title": "Autumn menu", "imageUrl": "https://cdn.example.com/autumn.jpg",
             "buttons": [{"label": "Order", "postback": "order=autumn"},
                         {"label": "Talk to staff", "postback": "flow:%s"}],
             "link": {"label": "Details", "url": "https://example.com/autumn"}, "origin": "flow"}""".formatted(FLOW);

    @Test
    void aCardIsPushedToLineAsAFlexBubbleWithItsImageTitleButtonsAndLink() throws Exception {
        Chat chat = lineChat();
        UUID card = queue(chat, "card", "Chestnut cake and hojicha latte.", CARD);

        send(chat, List.of(card), null, null);

        FakeProviders.Request push = fake.requests("/v2/bot/message/push").getLast();
        assertThat(push.body()).isEqualTo(fixture("line-push-flex-card.json"));
        assertThat(message(chat, card).status()).isEqualTo("sent");
    }

    @Test
    void aListIsAWhatsAppListMessageWithDescriptions() throws Exception {
        String phone = phoneNumberId();
        Chat chat = whatsApp(phone);
        UUID list = queue(chat, "list", "Which service would you like?", """
                {"button": "Services", "options": [
                  {"label": "Haircut", "description": "30 minutes, from NT$600", "postback": "service=haircut"},
                  {"label": "Colour", "postback": "flow:%s"}]}""".formatted(FLOW));
        fake.scriptFixture("/" + phone + "/messages", 200, "whatsapp-send-response.json");

        send(chat, List.of(list));

        assertThat(fake.requests("/" + phone + "/messages").getLast().body())
                .isEqualTo(fixture("whatsapp-interactive-list.json"));
        assertThat(message(chat, list).status()).isEqualTo("sent");
    }

    @Test
    void aLinkButtonIsAWhatsAppCtaUrlMessage() throws Exception {
        String phone = phoneNumberId();
        Chat chat = whatsApp(phone);
        UUID link = queue(chat, "link", "Pick a time that suits you.",
                "{\"label\": \"Book now\", \"url\": \"https://example.com/book?ref=chat\"}");
        fake.scriptFixture("/" + phone + "/messages", 200, "whatsapp-send-response.json");

        send(chat, List.of(link));

        assertThat(fake.requests("/" + phone + "/messages").getLast().body())
                .isEqualTo(fixture("whatsapp-interactive-cta-url.json"));
    }

    @Test
    void aCardIsATelegramPhotoWithAnInlineKeyboardOfCallbackAndUrlButtons() throws Exception {
        String token = "7000000001:AAH" + UUID.randomUUID().toString().replace("-", "");
        Chat chat = chat(ChannelType.TELEGRAM, Map.of("botToken", token, "webhookSecret", "hook"), "100000001");
        UUID card = queue(chat, "card", "Chestnut cake and hojicha latte.", CARD);
        String sendPhoto = "/telegram/bot" + token + "/sendPhoto";
        fake.scriptFixture(sendPhoto, 200, "telegram-sendmessage-response.json");

        send(chat, List.of(card));

        assertThat(fake.requests(sendPhoto).getLast().body())
                .isEqualTo(fixture("telegram-sendphoto-inline-keyboard.json"));
        assertThat(message(chat, card).status()).isEqualTo("sent");
    }

    private static String phoneNumberId() {
        return String.valueOf(100_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFL));
    }

    private Chat whatsApp(String phoneNumberId) {
        return chat(ChannelType.WHATSAPP, Map.of("phoneNumberId", phoneNumberId, "accessToken",
                "EAAG" + UUID.randomUUID().toString().replace("-", ""), "appSecret", "app-secret",
                "verifyToken", "verify"), "15551230001");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = RichSendTest.class.getResourceAsStream("/rich/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
