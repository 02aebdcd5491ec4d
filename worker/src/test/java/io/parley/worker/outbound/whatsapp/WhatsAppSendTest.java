package io.parley.worker.outbound.whatsapp;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelType;
import io.parley.core.flow.Step;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobRetryAfter;
import io.parley.core.testing.Fixtures;
import io.parley.worker.outbound.FakeProviders;
import io.parley.worker.outbound.OutboundTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class WhatsAppSendTest extends OutboundTest {

    private static final String CONTACT = "15551230001";

    private String phoneNumberId;

    private Chat whatsAppChat() {
        phoneNumberId = String.valueOf(100_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFL));
        return chat(ChannelType.WHATSAPP, Map.of("phoneNumberId", phoneNumberId, "accessToken",
                "EAAG" + UUID.randomUUID().toString().replace("-", ""), "appSecret", "app-secret",
                "verifyToken", "verify"), CONTACT);
    }

    private String messagesPath() {
        return "/" + phoneNumberId + "/messages";
    }

    @Test
    void sendsTextToThePhoneNumbersMessagesEndpointAndKeepsTheWamid() throws Exception {
        Chat chat = whatsAppChat();
        UUID answer = queueText(chat, "Yes, we are open until 18:00.");
        fake.scriptFixture(messagesPath(), 200, "whatsapp-send-response.json");

        send(chat, List.of(answer));

        FakeProviders.Request request = fake.requests(messagesPath()).getLast();
        assertThat(request.path()).isEqualTo("/whatsapp/v23.0/" + phoneNumberId + "/messages");
        assertThat(request.headers().get("authorization")).startsWith("Bearer EAAG");
        Map<String, Object> expected = new LinkedHashMap<>(FakeProviders.parse(
                Fixtures.text("whatsapp-send-text-request.json")));
        expected.remove("context"); // the fixture quotes the inbound message; Parley's replies do not
        assertThat(request.json()).isEqualTo(expected);
        assertThat(message(chat, answer).status()).isEqualTo("sent");
        assertThat(message(chat, answer).providerMessageId()).isEqualTo("wamid.FAKE000000000000000000000000000777");
    }

    @Test
    void upToThreeButtonsBecomeInteractiveReplyButtons() throws Exception {
        Chat chat = whatsAppChat();
        UUID choice = queueButtons(chat, "Which plan would you like?", Step.Style.BUTTONS,
                List.of(new Step.Button("Free plan", "plan_free"), new Step.Button("Pro plan", "plan_pro")));

        send(chat, List.of(choice));

        assertThat(fake.requests(messagesPath()).getLast().json()).isEqualTo(FakeProviders.parse(
                Fixtures.text("whatsapp-send-interactive-buttons-request.json")));
        assertThat(message(chat, choice).providerMessageId()).startsWith("wamid.");
    }

    @Test
    void moreThanThreeButtonsBecomeAListOfRows() throws Exception {
        Chat chat = whatsAppChat();
        UUID choice = queueButtons(chat, "Choose the reply language.", Step.Style.QUICK_REPLIES, List.of(
                new Step.Button("English", "lang_en"), new Step.Button("Japanese", "lang_ja"),
                new Step.Button("Traditional Chinese (Taiwan)", "lang_zh_tw"), new Step.Button("Thai", "lang_th")));

        send(chat, List.of(choice));

        Map<String, Object> expected = FakeProviders.parse(Fixtures.text("whatsapp-send-interactive-list-request.json"));
        Map<String, Object> sent = fake.requests(messagesPath()).getLast().json();
        assertThat(sent).containsEntry("type", "interactive").containsEntry("to", CONTACT)
                .containsEntry("messaging_product", "whatsapp");
        Map<?, ?> interactive = (Map<?, ?>) sent.get("interactive");
        assertThat(interactive.get("type")).isEqualTo("list");
        assertThat(interactive.get("body")).isEqualTo(((Map<?, ?>) expected.get("interactive")).get("body"));
        Map<?, ?> action = (Map<?, ?>) interactive.get("action");
        assertThat((String) action.get("button")).hasSizeLessThanOrEqualTo(20);
        List<?> rows = (List<?>) ((Map<?, ?>) ((List<?>) action.get("sections")).getFirst()).get("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.getFirst()).isEqualTo(Map.of("id", "lang_en", "title", "English"));
        assertThat(rows.get(2)).isEqualTo(Map.of("id", "lang_zh_tw", "title", "Traditional Chinese (Ta…",
                "description", "Traditional Chinese (Taiwan)"));
    }

    @Test
    void outsideTheTwentyFourHourWindowTheMessageFailsWithTheReason() throws Exception {
        Chat chat = whatsAppChat();
        UUID late = queueText(chat, "Are you still there?");
        fake.scriptFixture(messagesPath(), 400, "whatsapp-error-131047.json");

        assertThatThrownBy(() -> send(chat, List.of(late))).isInstanceOf(JobDiscard.class).hasMessageContaining("131047");

        assertThat(message(chat, late).status()).isEqualTo("failed");
        assertThat(message(chat, late).statusDetail()).contains("131047").contains("more than 24 hours");
    }

    @Test
    void anExpiredAccessTokenMarksTheChannelUnhealthy() throws Exception {
        Chat chat = whatsAppChat();
        UUID answer = queueText(chat, "Hello");
        fake.scriptFixture(messagesPath(), 401, "whatsapp-error-190.json");

        assertThatThrownBy(() -> send(chat, List.of(answer))).isInstanceOf(JobDiscard.class);

        assertThat(channelNow(chat).health()).isEqualTo("unhealthy");
        assertThat(channelNow(chat).healthDetail()).contains("190").contains("Error validating access token");
        assertThat(message(chat, answer).status()).isEqualTo("queued");
    }

    @Test
    void theThroughputLimitRetriesLater() throws Exception {
        Chat chat = whatsAppChat();
        UUID answer = queueText(chat, "Hello");
        fake.scriptFixture(messagesPath(), 400, "whatsapp-error-130429.json");

        assertThatThrownBy(() -> send(chat, List.of(answer))).isInstanceOfSatisfying(JobRetryAfter.class,
                retry -> assertThat(retry.delay()).isPositive());
        assertThat(message(chat, answer).status()).isEqualTo("queued");

        send(chat, List.of(answer), null, null, 2);

        assertThat(message(chat, answer).status()).isEqualTo("sent");
    }

    @Test
    void marksTheInboundMessageReadWithTheTypingIndicator() {
        Chat chat = whatsAppChat();

        boolean marked = context.getBean(WhatsAppReads.class).markRead(chat.channel(),
                "wamid.FAKE000000000000000000000000000001");

        assertThat(marked).isTrue();
        assertThat(fake.requests(messagesPath()).getLast().json())
                .isEqualTo(FakeProviders.parse(Fixtures.text("whatsapp-mark-read-request.json")));
    }
}
