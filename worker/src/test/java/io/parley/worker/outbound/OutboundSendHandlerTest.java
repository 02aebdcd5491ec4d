package io.parley.worker.outbound;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelType;
import io.parley.core.queue.JobDiscard;
import io.parley.core.tenancy.Ids;
import io.parley.worker.outbound.web.WebChatSender;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every channel shares: idempotent re-runs, forward-only statuses, unsendable rows, giving up, web chat. */
@MicronautTest(transactional = false)
class OutboundSendHandlerTest extends OutboundTest {

    private static final String PUSH = "/v2/bot/message/push";
    private static final String REPLY = "/v2/bot/message/reply";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(super.getProperties());
        properties.put("test.recording-web-chat", "true");
        return properties;
    }

    private long requestsMentioning(String text) {
        return fake.requests().stream().filter(request -> request.body().contains(text)).count();
    }

    @Test
    void aReRunOfTheSameJobSendsNothingTwice() throws Exception {
        Chat chat = lineChat();
        UUID first = queueText(chat, "once only 1");
        UUID second = queueText(chat, "once only 2");

        send(chat, List.of(first, second), "token-" + Ids.next(), Instant.now());
        String providerId = message(chat, first).providerMessageId();
        send(chat, List.of(first, second), "token-" + Ids.next(), Instant.now(), 2);

        assertThat(requestsMentioning("once only 1")).isEqualTo(1);
        assertThat(requestsMentioning("once only 2")).isEqualTo(1);
        assertThat(message(chat, first).providerMessageId()).isEqualTo(providerId);
    }

    @Test
    void statusesOnlyMoveForward() throws Exception {
        Chat chat = lineChat();
        UUID read = queueText(chat, "already read");
        UUID failed = queueText(chat, "already failed");
        scope.writeVoid(chat.tenant(), () -> {
            messages.markSent(chat.tenant().value(), read, "610000000000000099");
            messages.advanceStatus(chat.tenant().value(), read, "read", null);
            messages.advanceStatus(chat.tenant().value(), failed, "failed", "outside the window");
        });

        send(chat, List.of(read, failed));

        assertThat(requestsMentioning("already read") + requestsMentioning("already failed")).isZero();
        assertThat(message(chat, read).status()).isEqualTo("read");
        assertThat(message(chat, read).providerMessageId()).isEqualTo("610000000000000099");
        assertThat(message(chat, failed).status()).isEqualTo("failed");
        assertThat(message(chat, failed).statusDetail()).isEqualTo("outside the window");
    }

    @Test
    void theReplyTokenIsNotTriedAgainOnceAMessageOfTheJobHasLeft() throws Exception {
        Chat chat = lineChat();
        UUID sent = queueText(chat, "sent earlier");
        UUID rest = queueText(chat, "the rest");
        scope.writeVoid(chat.tenant(), () -> messages.markSent(chat.tenant().value(), sent, "610000000000000098"));

        send(chat, List.of(sent, rest), "token-" + Ids.next(), Instant.now());

        assertThat(fake.requests(REPLY)).noneMatch(request -> request.body().contains("the rest"));
        assertThat(fake.requests(PUSH)).anyMatch(request -> request.body().contains("the rest"));
        assertThat(message(chat, rest).status()).isEqualTo("sent");
    }

    @Test
    void aRowWithNothingToSendFailsAloneAndTheOthersLeave() throws Exception {
        Chat chat = lineChat();
        UUID broken = queue(chat, "image", null, "{\"caption\": \"no url\"}");
        UUID fine = queueText(chat, "this one is fine");

        send(chat, List.of(broken, fine));

        assertThat(message(chat, broken).status()).isEqualTo("failed");
        assertThat(message(chat, broken).statusDetail()).isEqualTo("cannot be sent: the image message has no url");
        assertThat(message(chat, fine).status()).isEqualTo("sent");
    }

    @Test
    void onTheLastAttemptAnOutageFailsTheMessagesSoNoneStaysQueued() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "during an outage");
        fake.script(PUSH, 503, "{\"message\":\"Service unavailable\"}");

        assertThatThrownBy(() -> send(chat, List.of(answer), null, null, 10))
                .isInstanceOf(SendFailure.Unavailable.class);

        assertThat(message(chat, answer).status()).isEqualTo("failed");
        assertThat(message(chat, answer).statusDetail()).isEqualTo("gave up after 10 attempts: LINE answered 503");
    }

    @Test
    void aJobWhoseConversationIsGoneCompletesWithoutSending() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "orphan");
        int before = fake.requests().size();

        send(new Chat(chat.tenant(), chat.channel(), Ids.next(), chat.externalUserId()), List.of(answer));

        assertThat(fake.requests()).hasSize(before);
        assertThat(message(chat, answer).status()).isEqualTo("queued");
    }

    @Test
    void aChannelWithoutItsTokenIsUnhealthyNotRetriedForever() throws Exception {
        Chat chat = chat(ChannelType.LINE, Map.of("channelSecret", "s"), LINE_USER);
        UUID answer = queueText(chat, "no token");

        assertThatThrownBy(() -> send(chat, List.of(answer))).isInstanceOf(JobDiscard.class)
                .hasMessageContaining("channelAccessToken");

        assertThat(channelNow(chat).health()).isEqualTo("unhealthy");
    }

    @Test
    void webChannelsHandTheMessagesToTheSessionsStreamAndMarkThemSent() throws Exception {
        Chat chat = chat(ChannelType.WEB, Map.of(), "session-" + Ids.next());
        UUID first = queueText(chat, "hello web");
        UUID second = queueText(chat, "second line");
        RecordingWebChat webChat = (RecordingWebChat) context.getBean(WebChatSender.class);

        send(chat, List.of(first, second));

        assertThat(webChat.deliveries).contains(new RecordingWebChat.Delivery(chat.tenant(), chat.channel().id(),
                chat.externalUserId(), List.of(first, second)));
        assertThat(message(chat, first).status()).isEqualTo("sent");
        assertThat(message(chat, second).status()).isEqualTo("sent");
    }
}
