package io.parley.worker.outbound.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelType;
import io.parley.core.flow.Step;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobRetryAfter;
import io.parley.core.testing.Fixtures;
import io.parley.worker.outbound.FakeProviders;
import io.parley.worker.outbound.OutboundTest;
import io.parley.worker.outbound.PostbackReferences;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class TelegramSendTest extends OutboundTest {

    private static final String CHAT_ID = "100000001";

    private String botToken;

    private Chat telegramChat() {
        botToken = "7000000001:AAH" + UUID.randomUUID().toString().replace("-", "");
        return chat(ChannelType.TELEGRAM, Map.of("botToken", botToken, "webhookSecret", "hook"), CHAT_ID);
    }

    private String method(String name) {
        return "/telegram/bot" + botToken + "/" + name;
    }

    @Test
    void sendsMessageToTheContactsChatWithTheTokenInThePath() throws Exception {
        Chat chat = telegramChat();
        UUID answer = queueText(chat, "Hi! How can I help?");
        fake.scriptFixture(method("sendMessage"), 200, "telegram-sendmessage-response.json");

        send(chat, List.of(answer));

        FakeProviders.Request request = fake.requests(method("sendMessage")).getLast();
        Map<String, Object> fixture = FakeProviders.parse(Fixtures.text("telegram-sendmessage-request.json"));
        assertThat(request.json()).containsEntry("chat_id", fixture.get("chat_id"))
                .containsEntry("text", fixture.get("text")).doesNotContainKey("reply_markup");
        assertThat(message(chat, answer).status()).isEqualTo("sent");
        assertThat(message(chat, answer).providerMessageId()).isEqualTo("100000001:45");
    }

    @Test
    @SuppressWarnings("unchecked")
    void buttonsBecomeAnInlineKeyboardAndLongPostbackDataAShortReferenceThatMapsBack() throws Exception {
        Chat chat = telegramChat();
        String longData = "flow:onboarding/step:choose-plan/option:professional-annual-with-priority-support";
        UUID choice = queueButtons(chat, "Pick a plan", Step.Style.BUTTONS,
                List.of(new Step.Button("Pro", "plan:pro"), new Step.Button("Pro yearly", longData)));

        send(chat, List.of(choice));

        Map<String, Object> markup = (Map<String, Object>) fake.requests(method("sendMessage")).getLast().json()
                .get("reply_markup");
        List<List<Map<String, Object>>> keyboard = (List<List<Map<String, Object>>>) markup.get("inline_keyboard");
        assertThat(keyboard.getFirst()).containsExactly(Map.of("text", "Pro", "callback_data", "plan:pro"));
        String reference = (String) keyboard.get(1).getFirst().get("callback_data");
        assertThat(reference).isNotEqualTo(longData);
        assertThat(reference.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        PostbackReferences references = context.getBean(PostbackReferences.class);
        assertThat(scope.read(chat.tenant(), () -> references.resolve(chat.tenant(), chat.conversationId(), reference)))
                .isEqualTo(longData);
        assertThat(scope.read(chat.tenant(), () -> references.resolve(chat.tenant(), UUID.randomUUID(), reference)))
                .as("another conversation's reference is not resolved").isEqualTo(reference);
        assertThat(scope.read(chat.tenant(), () -> references.resolve(chat.tenant(), chat.conversationId(), "plan:pro")))
                .isEqualTo("plan:pro");
        assertThat(message(chat, choice).payload()).contains("postbackRefs").contains(longData);
    }

    @Test
    void floodControlRetriesAfterRetryAfterSeconds() throws Exception {
        Chat chat = telegramChat();
        UUID first = queueText(chat, "one");
        UUID second = queueText(chat, "two");
        fake.scriptFixture(method("sendMessage"), 200, "telegram-sendmessage-response.json");
        fake.scriptFixture(method("sendMessage"), 429, "telegram-error-429.json");

        assertThatThrownBy(() -> send(chat, List.of(first, second))).isInstanceOfSatisfying(JobRetryAfter.class,
                retry -> assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(35)));

        assertThat(message(chat, first).status()).as("sent before the limit hit").isEqualTo("sent");
        assertThat(message(chat, second).status()).isEqualTo("queued");
    }

    @Test
    void aBlockedBotMarksTheContactUnfollowedAndFailsTheMessages() throws Exception {
        Chat chat = telegramChat();
        UUID answer = queueText(chat, "Anyone there?");
        fake.scriptFixture(method("sendMessage"), 403, "telegram-error-403-blocked.json");

        assertThatThrownBy(() -> send(chat, List.of(answer))).isInstanceOf(JobDiscard.class);

        assertThat(following(chat)).isFalse();
        assertThat(message(chat, answer).status()).isEqualTo("failed");
        assertThat(message(chat, answer).statusDetail()).contains("blocked by the user");
        int calls = fake.requests(method("sendMessage")).size();
        UUID later = queueText(chat, "Still there?");
        assertThatThrownBy(() -> send(chat, List.of(later))).isInstanceOf(JobDiscard.class);
        assertThat(fake.requests(method("sendMessage"))).as("no call to a contact who blocked the bot").hasSize(calls);
        assertThat(message(chat, later).status()).isEqualTo("failed");
    }

    @Test
    void aRevokedBotTokenMarksTheChannelUnhealthy() throws Exception {
        Chat chat = telegramChat();
        UUID answer = queueText(chat, "Hello");
        fake.scriptFixture(method("sendMessage"), 401, "telegram-error-401.json");

        assertThatThrownBy(() -> send(chat, List.of(answer))).isInstanceOf(JobDiscard.class);

        assertThat(channelNow(chat).health()).isEqualTo("unhealthy");
        assertThat(channelNow(chat).healthDetail()).contains("Unauthorized").doesNotContain(botToken);
    }

    @Test
    void showsTypingForTheTurn() {
        Chat chat = telegramChat();

        assertThat(context.getBean(TelegramTyping.class).typing(chat.channel(), CHAT_ID)).isTrue();

        assertThat(fake.requests(method("sendChatAction")).getLast().json())
                .isEqualTo(FakeProviders.parse(Fixtures.text("telegram-sendchataction-request.json")));
    }

    @Test
    void aSendToAGroupThatBecameASupergroupGoesToTheNewChat() throws Exception {
        botToken = "7000000001:AAH" + UUID.randomUUID().toString().replace("-", "");
        Chat chat = chat(ChannelType.TELEGRAM, Map.of("botToken", botToken, "webhookSecret", "hook"), "-4000000001");
        UUID answer = queueText(chat, "to the upgraded group");
        fake.scriptFixture(method("sendMessage"), 400, "telegram-error-400-migrated.json");

        send(chat, List.of(answer));

        List<FakeProviders.Request> sends = fake.requests(method("sendMessage"));
        assertThat(sends).extracting(request -> String.valueOf(request.json().get("chat_id")))
                .containsExactly("-4000000001", "-1001000000001");
        assertThat(message(chat, answer).status()).isEqualTo("sent");
        assertThat(message(chat, answer).providerMessageId()).startsWith("-1001000000001:");
    }
}
