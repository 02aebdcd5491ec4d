package io.parley.worker.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.broadcast.BroadcastJobs;
import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.broadcast.BroadcastPlanner;
import io.parley.core.broadcast.BroadcastRow;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.BroadcastStore;
import io.parley.core.broadcast.RecipientRow;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.ContactRepository;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.ratelimit.SendGovernor;
import io.parley.core.segment.SegmentDefinition;
import io.parley.core.tenancy.Ids;
import io.parley.core.testing.Fixtures;
import io.parley.worker.outbound.FakeProviders;
import io.parley.worker.outbound.OutboundTest;
import io.parley.worker.outbound.governor.SendPacing;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * broadcast.send jobs against the fake LINE/WhatsApp/Telegram servers: each recipient messaged once, scheduled
 * broadcasts start once and only when due, a crash's in-flight recipients are never messaged twice, rejected
 * credentials and a used-up LINE quota pause the broadcast, and the governor paces WhatsApp sends.
 */
/**
 * broadcast.send jobs against the fake LINE/WhatsApp/Telegram servers: each recipient messaged once, scheduled
 * broadcasts start once and only when due, a crash's in-flight recipients are never messaged twice, rejected
 * credentials and a used-up LINE quota pause the broadcast, and the governor paces WhatsApp sends.
 */
@MicronautTest(transactional = false)
class BroadcastSendTest extends BroadcastTest {

    @Inject
    SendPacing pacing;

    @Test
    void aWhatsAppBroadcastMessagesEachRecipientOnceWithTheirOwnTextAndCompletes() throws Exception {
        Sent sent = broadcast(whatsapp(), 2, TEXT, Instant.now());

        run(sent);
        run(sent); // a second run (a duplicate job) finds nothing left

        List<RecipientRow> rows = recipientsOf(sent);
        assertThat(rows).hasSize(3).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("sent");
            assertThat(r.providerMessageId()).startsWith("wamid.");
        });
        List<Map<String, Object>> bodies = messagesTo(sent, rows);
        assertThat(bodies).hasSize(3);
        assertThat(bodies).extracting(b -> (Object) String.valueOf(((Map<?, ?>) b.get("text")).get("body")))
                .containsExactlyInAnyOrder((Object) "Hello Test User", "Hello Contact 0", "Hello Contact 1");
        assertThat(row(sent).state()).isEqualTo(BroadcastState.COMPLETED);
    }

    @Test
    void aScheduledBroadcastDoesNothingBeforeItsTimeAndStartsOnce() throws Exception {
        Sent sent = broadcast(whatsapp(), 0, SAME_FOR_ALL, Instant.now().plusSeconds(3600));

        run(sent);
        assertThat(row(sent).state()).isEqualTo(BroadcastState.SCHEDULED);
        assertThat(messagesTo(sent, recipientsOf(sent))).isEmpty();

        scope.writeVoid(sent.chat().tenant(), () -> broadcasts.scheduled(sent.chat().tenant().value(),
                sent.broadcast(), Instant.now().minusSeconds(1), 1, 0));
        run(sent);
        run(sent);

        assertThat(messagesTo(sent, recipientsOf(sent))).hasSize(1);
        assertThat(row(sent).state()).isEqualTo(BroadcastState.COMPLETED);
        assertThat(row(sent).startedAt()).isNotNull();
    }

    @Test
    void aPausedBroadcastSendsNothing() throws Exception {
        Sent sent = broadcast(whatsapp(), 1, SAME_FOR_ALL, Instant.now());
        scope.writeVoid(sent.chat().tenant(), () -> broadcasts.transition(sent.chat().tenant().value(),
                sent.broadcast(), List.of(BroadcastState.SCHEDULED), BroadcastState.PAUSED, null));

        run(sent);

        assertThat(messagesTo(sent, recipientsOf(sent))).isEmpty();
        assertThat(recipientsOf(sent)).extracting(RecipientRow::status).containsOnly("queued");
    }

    @Test
    void telegramRecipientsACrashedAttemptStartedAreFailedAsMayHaveArrivedNotSentAgain() throws Exception {
        String token = "7000000003:AAH" + Ids.next().toString().replace("-", "");
        Chat telegram = chat(ChannelType.TELEGRAM, Map.of("botToken", token, "webhookSecret", "hook"), "5000000001");
        Sent sent = broadcast(telegram, 2, SAME_FOR_ALL, Instant.now());
        // The attempt that died had started the first recipient (its request may have left) and never recorded it;
        // Telegram sends no delivery statuses that could tell.
        List<RecipientRow> inFlight = scope.write(sent.chat().tenant(), () -> recipients.claim(
                sent.chat().tenant().value(), sent.broadcast(), sent.chat().channel().id(), 1, Ids.next()));

        run(sent);

        List<RecipientRow> rows = recipientsOf(sent);
        RecipientRow crashed = rows.stream().filter(r -> r.id() == inFlight.getFirst().id()).findFirst().orElseThrow();
        assertThat(crashed.status()).isEqualTo("failed");
        assertThat(crashed.reason()).startsWith(RecipientStore.MAY_HAVE_ARRIVED);
        List<String> chats = fake.requests("/bot" + token + "/sendMessage").stream()
                .map(r -> String.valueOf(r.json().get("chat_id"))).toList();
        assertThat(chats).hasSize(2).doesNotContain(crashed.externalUserId());
    }

    @Test
    void aLineBatchLostInACrashIsSentAgainUnderTheSameRetryKeySoLineDeliversItOnce() throws Exception {
        Chat line = lineChat();
        Sent sent = broadcast(line, 3, SAME_FOR_ALL, Instant.now());
        UUID key = Ids.next();
        List<RecipientRow> batch = scope.write(line.tenant(), () -> recipients.claim(line.tenant().value(),
                sent.broadcast(), line.channel().id(), 500, key));
        // The dead attempt's multicast reached LINE (which accepted the key) but its answer was lost.
        lostMulticast(batch, key);

        run(sent);

        List<FakeProviders.Request> multicasts = fake.requests("/v2/bot/message/multicast").stream()
                .filter(r -> key.toString().equals(r.headers().get("x-line-retry-key"))).toList();
        assertThat(multicasts).hasSize(2); // the lost one and the retry, which LINE answered 409: delivered once
        assertThat(fake.requests("/v2/bot/message/multicast").stream()
                .filter(r -> r.body().contains(batch.getFirst().externalUserId()))).hasSize(2);
        assertThat(recipientsOf(sent)).extracting(RecipientRow::status).containsOnly("sent");
        assertThat((List<?>) multicasts.getLast().json().get("to")).hasSize(4);
    }

    @Test
    void rejectedWhatsAppCredentialsPauseTheBroadcastWithTheReasonAndNotifyTheAdmins() throws Exception {
        Chat chat = chat(ChannelType.WHATSAPP, Map.of("phoneNumberId", "pn-rejected-" + Ids.next(),
                "accessToken", "wa-token"), "886900000001");
        Sent sent = broadcast(chat, 0, SAME_FOR_ALL, Instant.now());
        fake.script("/messages", 401, Fixtures.text("whatsapp-error-190.json"));

        run(sent);

        BroadcastRow row = row(sent);
        assertThat(row.state()).isEqualTo(BroadcastState.PAUSED);
        assertThat(row.stateReason()).contains("WhatsApp error 190");
        assertThat(recipientsOf(sent)).extracting(RecipientRow::status).containsOnly("queued");
        assertThat(notificationKinds(chat)).contains("broadcast.paused");
    }

    @Test
    void aUsedUpLineQuotaPausesTheBroadcastBeforeSending() throws Exception {
        Chat line = lineChat();
        Sent sent = broadcast(line, 0, SAME_FOR_ALL, Instant.now());
        fake.script("/v2/bot/message/quota", 200, "{\"type\":\"limited\",\"value\":200}");
        fake.script("/v2/bot/message/quota/consumption", 200, "{\"totalUsage\":200}");

        run(sent);

        assertThat(row(sent).state()).isEqualTo(BroadcastState.PAUSED);
        assertThat(row(sent).stateReason()).contains("quota");
        assertThat(recipientsOf(sent)).extracting(RecipientRow::status).containsOnly("queued");
    }

    @Test
    void theGovernorPacesAWhatsAppBroadcastAtTheConfiguredRate() throws Exception {
        Sent sent = broadcast(whatsapp(), 14, SAME_FOR_ALL, Instant.now()); // 15 recipients at 5/s: ≥ 2 s

        long start = System.nanoTime();
        run(sent);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(messagesTo(sent, recipientsOf(sent))).hasSize(15);
        assertThat(seconds).isGreaterThan(1.8);
    }

    @Test
    void aWhatsAppNumberNeverSendsMoreThanItsRateInAnyOneSecondWindowNotEvenAtTheStart() throws Exception {
        Chat chat = whatsapp();
        Map<String, String> credentials = Map.of("phoneNumberId", numbers.get(chat.channel().id()),
                "messagesPerSecond", "4");
        List<Long> takenAt = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) { // a broadcast's requests in flight, each paced by the governor
                senders.submit(() -> {
                    for (int j = 0; j < 3; j++) {
                        pacing.take(chat.channel(), credentials, "88690000000" + j, SendGovernor.Priority.BULK, null);
                        takenAt.add(System.nanoTime());
                    }
                    return null;
                });
            }
        }

        // Meta refuses a number's messages beyond its rate per second (130429, then the whole number waits): a
        // bucket of a second's worth let 3 go at once and 4 more within the same second
        List<Long> sorted = takenAt.stream().sorted().toList();
        int most = 0;
        for (int first = 0; first < sorted.size(); first++) {
            int in = 0;
            for (long at : sorted) {
                in += at >= sorted.get(first) && at - sorted.get(first) < 1_000_000_000L ? 1 : 0;
            }
            most = Math.max(most, in);
        }
        assertThat(sorted).hasSize(12);
        assertThat(most).isLessThanOrEqualTo(4);
    }

    @Test
    void aWhatsAppChannelsOwnMessagesPerSecondSetsItsNumbersRate() throws Exception {
        Sent sent = broadcast(whatsapp(200), 19, SAME_FOR_ALL, Instant.now()); // 20 at the setting's 5/s would take ≥ 3 s

        long start = System.nanoTime();
        run(sent);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(messagesTo(sent, recipientsOf(sent))).hasSize(20);
        assertThat(seconds).isLessThan(2.5);
    }

    @Test
    void aPairRateLimitPausesThatRecipientOnlyNotTheNumber() {
        Chat chat = whatsapp();
        Map<String, String> credentials = Map.of("phoneNumberId", numbers.get(chat.channel().id()));

        pacing.penalizePair(chat.channel(), credentials, "886900000001", Duration.ofSeconds(6));

        assertThat(pacing.tryTake(chat.channel(), credentials, "886900000001", SendGovernor.Priority.BULK, null))
                .isGreaterThan(Duration.ofSeconds(5));
        assertThat(pacing.tryTake(chat.channel(), credentials, "886900000002", SendGovernor.Priority.BULK, null))
                .isZero();
    }

    @Test
    void aWhatsApp131056RequeuesTheRecipientAndSendsItAfterThePairsPause() throws Exception {
        assertThat(secondsToSendAfterOneRefusal("whatsapp-error-131056.json")).isGreaterThan(5.5);
    }

    @Test
    void aWhatsApp130429RequeuesTheRecipientAndSendsItAgainAfterAShortPauseNotFiveSeconds() throws Exception {
        // the number waits 100 ms after a first refusal (it paced at its rate: the window has room a slot later);
        // a fixed 5 s pause cost 400 slots per refusal at 80 msg/s
        assertThat(secondsToSendAfterOneRefusal("whatsapp-error-130429.json")).isLessThan(3.0);
    }

    /** A one-recipient broadcast whose first request WhatsApp refuses with {@code fixture}: how long it took. */
    private double secondsToSendAfterOneRefusal(String fixture) throws Exception {
        Sent sent = broadcast(whatsapp(), 0, SAME_FOR_ALL, Instant.now());
        fake.script("/messages", 400, Fixtures.text(fixture));

        long start = System.nanoTime();
        run(sent);

        assertThat(recipientsOf(sent)).extracting(RecipientRow::status).containsOnly("sent");
        assertThat(messagesTo(sent, recipientsOf(sent))).hasSize(2); // the refused one and the one after the pause
        return (System.nanoTime() - start) / 1e9;
    }

    private void lostMulticast(List<RecipientRow> batch, UUID key) throws Exception {
        String base = fake.properties().get("parley.providers.line-api-url");
        String body = "{\"to\":[" + String.join(",", batch.stream().map(r -> "\"" + r.externalUserId() + "\"")
                .toList()) + "],\"messages\":[{\"type\":\"text\",\"text\":\"Sale today\"}]}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/v2/bot/message/multicast")).header("X-Line-Retry-Key", key.toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

}
