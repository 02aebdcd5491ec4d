package io.parley.worker.outbound;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelType;
import io.parley.core.queue.JobRetryAfter;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A provider took a batch but Parley could not record it as sent (the benchmark's overload: no connection for the
 * write), or never heard the provider's answer. The contact must still get each message once (docs/outbound.md,
 * "Sending twice"). Jobs are run as the queue runs them: a failed attempt is followed by the next one.
 */
@MicronautTest(transactional = false)
class SendingTwiceTest extends OutboundTest {

    private static final String REPLY = "/v2/bot/message/reply";
    private static final String PUSH = "/v2/bot/message/push";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.outbound.record-patience", "300ms");
        return properties;
    }

    private Chat telegramChat() {
        return chat(ChannelType.TELEGRAM, Map.of("botToken", "7000000002:AAH" + Ids.next().toString().replace("-", ""),
                "webhookSecret", "hook"), "100000002");
    }

    private List<FakeProviders.Request> requestsMentioning(String text) {
        return fake.requests().stream().filter(request -> request.body().contains(text)).toList();
    }

    @Test
    void aSentWriteThatFailsOnceAfterLineTookTheReplyDoesNotSendItAgain() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "answered exactly once");
        String token = "token-" + Ids.next();

        try (SentWriteFailures ignored = SentWriteFailures.failing(chat.tenant(), 1)) {
            sendAsTheQueueWould(chat, List.of(answer), token);
        }

        assertThat(requestsMentioning("answered exactly once")).hasSize(1);
        assertThat(fake.requests(REPLY)).filteredOn(request -> request.body().contains(token)).hasSize(1);
        assertThat(message(chat, answer).status()).isEqualTo("sent");
    }

    @Test
    void aPushWhoseSentRecordWasLostGoesAgainWithTheSameRetryKeyAndLineDeliversItOnce() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "pushed once");

        try (SentWriteFailures ignored = SentWriteFailures.failingUntilClosed(chat.tenant())) {
            assertThatThrownBy(() -> send(chat, List.of(answer))).hasMessageContaining("injected failure");
        }
        send(chat, List.of(answer), null, null, 2);

        List<FakeProviders.Request> pushes = requestsMentioning("pushed once");
        assertThat(pushes).hasSize(2).allMatch(request -> request.path().endsWith(PUSH));
        assertThat(pushes.get(1).headers().get("x-line-retry-key"))
                .isNotNull().isEqualTo(pushes.getFirst().headers().get("x-line-retry-key"));
        assertThat(message(chat, answer).status()).isEqualTo("sent");
        assertThat(message(chat, answer).providerMessageId()).isEqualTo("610000000000000003"); // echoed by the 409
    }

    @Test
    void aLostReplyIsAskedAboutWithItsOwnTokenAndNotPushedAgainWhenLineHadIt() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "reply of unknown fate");
        String token = "token-" + Ids.next();

        try (SentWriteFailures ignored = SentWriteFailures.failingUntilClosed(chat.tenant())) {
            assertThatThrownBy(() -> send(chat, List.of(answer), token, Instant.now()))
                    .hasMessageContaining("injected failure");
        }
        send(chat, List.of(answer), token, Instant.now(), 2);

        // the second use of the token is refused as used: the first reply arrived, so nothing is pushed
        assertThat(fake.requests(REPLY)).filteredOn(request -> request.body().contains(token)).hasSize(2);
        assertThat(fake.requests(PUSH)).filteredOn(request -> request.body().contains("reply of unknown fate"))
                .isEmpty();
        assertThat(message(chat, answer).status()).isEqualTo("sent");
    }

    @Test
    void aLostReplyWhoseTokenMayHaveExpiredIsPushedWithTheRetryKeyInstead() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "reply of unknown fate, late");
        String token = "token-" + Ids.next();

        try (SentWriteFailures ignored = SentWriteFailures.failingUntilClosed(chat.tenant())) {
            assertThatThrownBy(() -> send(chat, List.of(answer), token, Instant.now()))
                    .hasMessageContaining("injected failure");
        }
        // the retry comes after the reply window: LINE's refusal could mean "expired", so the token is not asked
        send(chat, List.of(answer), token, Instant.now().minus(Duration.ofMinutes(2)), 2);

        assertThat(fake.requests(REPLY)).filteredOn(request -> request.body().contains(token)).hasSize(1);
        assertThat(fake.requests(PUSH)).filteredOn(request -> request.body().contains("reply of unknown fate, late"))
                .hasSize(1).allMatch(request -> request.headers().containsKey("x-line-retry-key"));
        assertThat(message(chat, answer).status()).isEqualTo("sent");
    }

    @Test
    void aTelegramMessageThatMayHaveArrivedFailsRatherThanArriveTwice() throws Exception {
        Chat chat = telegramChat();
        UUID answer = queueText(chat, "telegram of unknown fate");
        UUID next = queueText(chat, "telegram never handed over");

        try (SentWriteFailures ignored = SentWriteFailures.failingUntilClosed(chat.tenant())) {
            assertThatThrownBy(() -> send(chat, List.of(answer, next))).hasMessageContaining("injected failure");
        }
        send(chat, List.of(answer, next), null, null, 2);

        assertThat(requestsMentioning("telegram of unknown fate")).hasSize(1);
        assertThat(message(chat, answer).status()).isEqualTo("failed");
        assertThat(message(chat, answer).statusDetail()).contains("may have arrived");
        assertThat(requestsMentioning("telegram never handed over")).hasSize(1);
        assertThat(message(chat, next).status()).isEqualTo("sent");
    }

    @Test
    void aBatchTheProviderRefusedIsSentNormallyOnTheRetry() throws Exception {
        Chat chat = telegramChat();
        UUID answer = queueText(chat, "after a rate limit");
        fake.script("/sendMessage", 429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");

        assertThatThrownBy(() -> send(chat, List.of(answer))).isInstanceOf(JobRetryAfter.class);
        send(chat, List.of(answer), null, null, 2);

        assertThat(requestsMentioning("after a rate limit")).hasSize(2);
        assertThat(message(chat, answer).status()).isEqualTo("sent");
    }

    /** Attempt 1, and if it fails, attempt 2 — what the queue does after the backoff. */
    private void sendAsTheQueueWould(Chat chat, List<UUID> messageIds, String replyToken) throws Exception {
        try {
            send(chat, messageIds, replyToken, Instant.now(), 1);
        } catch (Exception failed) {
            send(chat, messageIds, replyToken, Instant.now(), 2);
        }
    }
}
