package io.parley.worker.outbound.line;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelType;
import io.parley.core.flow.Step;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobRetryAfter;
import io.parley.core.testing.Fixtures;
import io.parley.worker.outbound.EventTap;
import io.parley.worker.outbound.FakeProviders;
import io.parley.worker.outbound.OutboundTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class LineSendTest extends OutboundTest {

    private static final String REPLY = "/v2/bot/message/reply";
    private static final String PUSH = "/v2/bot/message/push";
    private static final String TOKEN = "aaaabbbbccccddddeeeeffff00000001";

    @Test
    void repliesWithTheReplyTokenWhileItIsValidAndRecordsLinesMessageIds() throws Exception {
        Chat chat = lineChat();
        UUID greeting = queueText(chat, "Hi! How can I help?");
        UUID choice = queueButtons(chat, "Pick a plan", Step.Style.QUICK_REPLIES,
                List.of(new Step.Button("Pro", "plan:pro"), new Step.Button("Free", "plan:free")));
        fake.scriptFixture(REPLY, 200, "line-reply-response.json");
        int before = fake.requests(REPLY).size();

        try (EventTap events = new EventTap()) {
            send(chat, List.of(greeting, choice), TOKEN, Instant.now().minusSeconds(3));

            assertThat(events.data("message.sent")).extracting(data -> data.get("messageId"))
                    .contains(greeting.toString(), choice.toString());
        }

        FakeProviders.Request reply = fake.requests(REPLY).get(before);
        assertThat(reply.headers().get("authorization")).startsWith("Bearer line-token-");
        assertThat(reply.headers()).doesNotContainKey("x-line-retry-key");
        Map<String, Object> body = reply.json();
        Map<String, Object> fixture = FakeProviders.parse(Fixtures.text("line-reply-request.json"));
        assertThat(body.keySet()).isEqualTo(fixture.keySet());
        assertThat(body.get("replyToken")).isEqualTo(TOKEN);
        assertThat(body.get("notificationDisabled")).isEqualTo(false);
        List<?> sent = (List<?>) body.get("messages");
        assertThat(sent.getFirst()).isEqualTo(((List<?>) fixture.get("messages")).getFirst());
        assertThat(sent.get(1)).isEqualTo(FakeProviders.parse("""
                {"type":"text","text":"Pick a plan","quickReply":{"items":[
                  {"type":"action","action":{"type":"postback","label":"Pro","data":"plan:pro","displayText":"Pro"}},
                  {"type":"action","action":{"type":"postback","label":"Free","data":"plan:free","displayText":"Free"}}]}}"""));
        assertThat(message(chat, greeting).status()).isEqualTo("sent");
        assertThat(new io.parley.worker.testing.Rows().query("SELECT sent_at FROM messages WHERE id = ?", greeting)
                .getFirst().get("sent_at")).as("the end of the reply latency (analytics)").isNotNull();
        assertThat(message(chat, greeting).providerMessageId()).isEqualTo("610000000000000001");
        assertThat(message(chat, choice).providerMessageId()).isEqualTo("610000000000000002");
        assertThat(fake.requests(PUSH)).noneMatch(request -> request.body().contains("Pick a plan"));
    }

    @Test
    void pushesWithARetryKeyOnceTheReplyWindowHasPassed() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "Your answer is ready.");

        send(chat, List.of(answer), TOKEN, Instant.now().minusSeconds(55));

        assertThat(fake.requests(REPLY)).noneMatch(request -> request.body().contains("Your answer is ready."));
        FakeProviders.Request push = fake.requests(PUSH).getLast();
        assertThat(push.json()).isEqualTo(FakeProviders.parse(Fixtures.text("line-push-request.json")));
        assertThat(UUID.fromString(push.headers().get("x-line-retry-key"))).isNotNull();
        assertThat(message(chat, answer).status()).isEqualTo("sent");
    }

    @Test
    void aRetriedPushCarriesTheSameRetryKeyAndA409CountsAsSent() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "Your answer is ready.");
        fake.script(PUSH, 500, "{\"message\":\"Internal error\"}");
        fake.scriptFixture(PUSH, 409, "line-error-409-retry-key.json");

        assertThatThrownBy(() -> send(chat, List.of(answer))).hasMessageContaining("LINE answered 500");
        assertThat(message(chat, answer).status()).isEqualTo("queued");
        send(chat, List.of(answer), null, null, 2);

        List<FakeProviders.Request> pushes = fake.requests(PUSH).stream()
                .filter(request -> request.body().contains("Your answer is ready.")).toList();
        assertThat(pushes).hasSize(2);
        assertThat(pushes.get(1).headers().get("x-line-retry-key"))
                .isEqualTo(pushes.get(0).headers().get("x-line-retry-key"));
        assertThat(message(chat, answer).status()).isEqualTo("sent");
        assertThat(message(chat, answer).providerMessageId()).isEqualTo("610000000000000003");
    }

    @Test
    void anInvalidReplyTokenFallsBackToPush() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "Sorry for the wait");
        fake.scriptFixture(REPLY, 400, "line-error-invalid-reply-token.json");

        send(chat, List.of(answer), TOKEN, Instant.now());

        assertThat(fake.requests(PUSH).getLast().json().get("to")).isEqualTo(LINE_USER);
        assertThat(fake.requests(PUSH).getLast().body()).contains("Sorry for the wait");
        assertThat(message(chat, answer).status()).isEqualTo("sent");
    }

    @Test
    void moreThanFiveMessagesReplyWithFiveThenPushTheRest() throws Exception {
        Chat chat = lineChat();
        List<UUID> seven = java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(i -> queueText(chat, "part " + i + " of seven")).toList();

        send(chat, seven, TOKEN, Instant.now());

        FakeProviders.Request reply = fake.requests(REPLY).getLast();
        assertThat((List<?>) reply.json().get("messages")).hasSize(5);
        assertThat(reply.body()).contains("part 1 of seven").contains("part 5 of seven");
        FakeProviders.Request push = fake.requests(PUSH).getLast();
        assertThat((List<?>) push.json().get("messages")).hasSize(2);
        assertThat(push.body()).contains("part 6 of seven").contains("part 7 of seven");
        assertThat(push.json()).doesNotContainKey("replyToken");
        assertThat(seven).allSatisfy(id -> assertThat(message(chat, id).status()).isEqualTo("sent"));
    }

    @Test
    void recordsWhichMessagesWentAsFreeRepliesAndWhichAsPaidPushes() throws Exception {
        Chat chat = lineChat();
        List<UUID> seven = java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(i -> queueText(chat, "mode " + i + " of seven")).toList();
        UUID refused = queueText(chat, "after a refused token");

        send(chat, seven, TOKEN, Instant.now());
        fake.scriptFixture(REPLY, 400, "line-error-invalid-reply-token.json");
        send(chat, List.of(refused), TOKEN, Instant.now());

        assertThat(seven.stream().map(id -> sendMode(chat, id)).toList())
                .containsExactly("reply", "reply", "reply", "reply", "reply", "push", "push");
        assertThat(sendMode(chat, refused)).isEqualTo("push");
    }

    private static String sendMode(Chat chat, UUID message) {
        try (var connection = io.parley.core.testing.TestDatabase.shared().openSuperuserConnection();
             var rows = connection.createStatement().executeQuery("SELECT send_mode FROM messages WHERE tenant_id = '"
                     + chat.tenant().value() + "' AND id = '" + message + "'")) {
            rows.next();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRateLimitRetriesTheJobAfterTheAdvisedDelay() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "Busy right now");
        fake.script(PUSH, 429, Fixtures.text("line-error-429-rate-limit.json"), Map.of("Retry-After", "7"));

        assertThatThrownBy(() -> send(chat, List.of(answer))).isInstanceOfSatisfying(JobRetryAfter.class,
                retry -> assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(message(chat, answer).status()).isEqualTo("queued");
    }

    @Test
    void aRejectedAccessTokenMarksTheChannelUnhealthyAndDiscardsTheJob() throws Exception {
        Chat chat = lineChat();
        UUID answer = queueText(chat, "Never leaves");
        fake.scriptFixture(PUSH, 401, "line-error-401.json");

        try (EventTap events = new EventTap()) {
            assertThatThrownBy(() -> send(chat, List.of(answer))).isInstanceOf(JobDiscard.class)
                    .hasMessageContaining("401");

            assertThat(events.events("channel.unhealthy")).singleElement().satisfies(event -> {
                assertThat(event.get("tenantId")).isEqualTo(chat.tenant().toString());
                assertThat(((Map<?, ?>) event.get("data")).get("channelId")).isEqualTo(chat.channel().id().toString());
            });
        }
        assertThat(channelNow(chat).health()).isEqualTo("unhealthy");
        assertThat(channelNow(chat).healthDetail()).contains("LINE rejected the channel access token");
        assertThat(message(chat, answer).status()).as("kept for a retry once the token is replaced").isEqualTo("queued");
    }

    @Test
    void aRejectedAccessTokenRaisesTheTenantsCredentialsAlertOnce() throws Exception {
        Chat chat = lineChat();
        scope.writeVoid(chat.tenant(), () -> context.getBean(io.parley.core.alert.AlertRuleRepository.class)
                .insert(chat.tenant().value(), io.parley.core.tenancy.Ids.next(), "credentials_rejected", true, null,
                        null, null, null, null));
        UUID answer = queueText(chat, "Never leaves");
        UUID second = queueText(chat, "Nor this one");
        fake.scriptFixture(PUSH, 401, "line-error-401.json");
        fake.scriptFixture(PUSH, 401, "line-error-401.json");

        assertThatThrownBy(() -> send(chat, List.of(answer))).isInstanceOf(JobDiscard.class);
        assertThatThrownBy(() -> send(chat, List.of(second))).isInstanceOf(JobDiscard.class);

        try (var connection = io.parley.core.testing.TestDatabase.shared().openSuperuserConnection();
             var rows = connection.createStatement().executeQuery("SELECT title, link FROM notifications "
                     + "WHERE kind = 'alert.credentials_rejected' AND tenant_id = '" + chat.tenant().value() + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).startsWith("LINE rejected the credentials of channel");
            assertThat(rows.getString(2)).isEqualTo("/bots/" + chat.channel().botId());
            assertThat(rows.next()).as("once per channel and day").isFalse();
        }
    }

    @Test
    void theMonthlyQuotaFailsTheMessagesWithTheReason() throws Exception {
        Chat chat = lineChat();
        UUID first = queueText(chat, "over quota 1");
        UUID second = queueText(chat, "over quota 2");
        fake.scriptFixture(PUSH, 429, "line-error-429-monthly-limit.json");

        assertThatThrownBy(() -> send(chat, List.of(first, second))).isInstanceOf(JobDiscard.class);

        assertThat(List.of(first, second)).allSatisfy(id -> {
            assertThat(message(chat, id).status()).isEqualTo("failed");
            assertThat(message(chat, id).statusDetail()).contains("monthly message quota");
        });
    }

    @Test
    void startsTheLoadingAnimationForTheTurn() {
        Chat chat = lineChat();

        boolean started = context.getBean(LineLoading.class).start(chat.channel(), LINE_USER, 17);

        assertThat(started).isTrue();
        FakeProviders.Request loading = fake.requests("/v2/bot/chat/loading/start").getLast();
        assertThat(loading.json()).isEqualTo(FakeProviders.parse(Fixtures.text("line-loading-request.json")));
        assertThat(loading.headers().get("authorization")).startsWith("Bearer line-token-");
    }
}
