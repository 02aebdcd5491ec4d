package io.parley.worker.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.RecipientRow;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.Ids;
import io.parley.worker.outbound.FakeProviders;
import io.parley.worker.turn.StatusUpdates;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WhatsApp broadcast across a worker killed in the middle of a batch (docs/broadcasts.md "No message twice"): the
 * fake Graph API reports each message it accepts as a status webhook carrying the recipient's
 * {@code biz_opaque_callback_data}, as Meta does, and the next attempt sends every recipient exactly once: claimed
 * but never started ones go back to the queue at once, started ones with a status are sent, started ones without a
 * status go again after the grace period. Also: the pipeline keeps a configured rate.
 */
@MicronautTest(transactional = false)
class BroadcastCrashTest extends BroadcastTest {

    @Inject
    StatusUpdates statuses;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.broadcasts.batch-size", "4");
        properties.put("parley.broadcasts.concurrency", "2");
        properties.put("parley.broadcasts.settle-grace", "1500ms");
        properties.put("parley.providers.timeout", "30s"); // a held answer outlives the test: the sender stays "dead"
        return properties;
    }

    @Test
    void aWorkerKilledMidBatchLeavesNoRecipientSkippedAndNoneMessagedTwice() throws Exception {
        Sent sent = broadcast(fast(), 29, SAME_FOR_ALL, Instant.now());
        statusWebhooks(sent);
        fake.holdWhatsAppAnswers(9, 2); // then the two requests in flight (concurrency 2) never get their answer

        try (ExecutorService killed = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = killed.submit(() -> {
                run(sent);
                return null;
            });
            try {
                waitFor(() -> messagesTo(sent, recipientsOf(sent)).size() >= 11);
                Thread.sleep(300); // whatever the dead sender would still write, it has written

                Map<String, Long> left = recipientsOf(sent).stream()
                        .collect(Collectors.groupingBy(RecipientRow::status, Collectors.counting()));
                assertThat(left.get("sending")).as("claimed, started or in flight when it died: " + left)
                        .isPositive();

                run(sent, 2, 10);
                Thread.sleep(1600); // the grace for the started ones no status webhook came for
                run(sent, 3, 10);

                List<RecipientRow> rows = recipientsOf(sent);
                assertThat(rows).hasSize(30).extracting(RecipientRow::status).containsOnly("sent");
                assertThat(perRecipient(sent, rows)).as("messages per recipient").allSatisfy((to, count) ->
                        assertThat(count).as(to).isEqualTo(1L));
                assertThat(row(sent).state()).isEqualTo(BroadcastState.COMPLETED);
            } finally {
                first.cancel(true); // the dead sender's threads end without another request
                fake.releaseHeld();
            }
        }
    }

    @Test
    void recipientsClaimedButNeverStartedGoBackToTheQueueAtOnce() throws Exception {
        Sent sent = broadcast(fast(), 5, SAME_FOR_ALL, Instant.now());
        scope.writeVoid(sent.chat().tenant(), () -> recipients.claim(sent.chat().tenant().value(), sent.broadcast(),
                sent.chat().channel().id(), 3, Ids.next(), false));

        run(sent);

        List<RecipientRow> rows = recipientsOf(sent);
        assertThat(rows).extracting(RecipientRow::status).containsOnly("sent");
        assertThat(perRecipient(sent, rows).values()).hasSize(6).containsOnly(1L);
        assertThat(row(sent).state()).isEqualTo(BroadcastState.COMPLETED);
    }

    @Test
    void aStartedRecipientWhoseStatusWebhookCameIsSentWithItsWamidAndNotMessagedAgain() throws Exception {
        Sent sent = broadcast(fast(), 2, SAME_FOR_ALL, Instant.now());
        RecipientRow lost = scope.write(sent.chat().tenant(), () -> recipients.claim(sent.chat().tenant().value(),
                sent.broadcast(), sent.chat().channel().id(), 1, Ids.next())).getFirst();
        statuses.apply(sent.chat().tenant(), status(sent, lost, "wamid.LOST1", "delivered"));

        run(sent);

        RecipientRow settled = byId(sent, lost.id());
        assertThat(settled.status()).isEqualTo("delivered");
        assertThat(settled.providerMessageId()).isEqualTo("wamid.LOST1");
        assertThat(settled.sentAt()).isNotNull();
        assertThat(messagesTo(sent, List.of(settled))).isEmpty();
        assertThat(messagesTo(sent, recipientsOf(sent))).hasSize(2);
        assertThat(row(sent).state()).isEqualTo(BroadcastState.COMPLETED);
    }

    @Test
    void aStartedRecipientWithoutAStatusWebhookWaitsForTheGraceThenIsSentAgain() throws Exception {
        Sent sent = broadcast(fast(), 2, SAME_FOR_ALL, Instant.now());
        RecipientRow lost = scope.write(sent.chat().tenant(), () -> recipients.claim(sent.chat().tenant().value(),
                sent.broadcast(), sent.chat().channel().id(), 1, Ids.next())).getFirst();

        run(sent);
        assertThat(byId(sent, lost.id()).status()).isEqualTo("sending");
        assertThat(messagesTo(sent, List.of(lost))).isEmpty();
        assertThat(row(sent).state()).isEqualTo(BroadcastState.RUNNING);

        Thread.sleep(1600);
        run(sent);

        assertThat(byId(sent, lost.id()).status()).isEqualTo("sent");
        assertThat(perRecipient(sent, recipientsOf(sent)).values()).hasSize(3).containsOnly(1L);
        assertThat(row(sent).state()).isEqualTo(BroadcastState.COMPLETED);
    }

    @Test
    void aStatusWebhookNeverRevivesARecipientThatWentBackToTheQueue() {
        Sent sent = broadcast(fast(), 0, SAME_FOR_ALL, Instant.now());
        RecipientRow queued = recipientsOf(sent).getFirst();

        statuses.apply(sent.chat().tenant(), status(sent, queued, "wamid.OLD", "sent"));

        assertThat(byId(sent, queued.id()).status()).isEqualTo("queued");
    }

    @Test
    void aConfiguredRateIsKeptBecauseSendingDoesNotStopBetweenBatches() throws Exception {
        Chat chat = whatsapp(20);
        String number = numbers.get(chat.channel().id());
        Sent sent = broadcast(chat, 79, SAME_FOR_ALL, Instant.now());

        run(sent);

        List<Long> at = fake.requests("/" + number + "/messages").stream().map(FakeProviders.Request::nanos)
                .sorted().toList();
        assertThat(at).hasSize(80);
        double rate = (at.size() - 1) / ((at.getLast() - at.getFirst()) / 1e9);
        // the number's bucket refills at 20 - 0.5 per second; batches of 4 took 200 ms each, and the pauses to
        // record one and claim the next (three transactions) came on top of that before the pipeline
        assertThat(rate).isBetween(18.5, 20.0);
    }

    private Chat fast() {
        return whatsapp(200);
    }

    /** Every message the fake accepts on the broadcast's number comes back as a "sent" status webhook. */
    private void statusWebhooks(Sent sent) {
        Map<String, RecipientRow> byNumber = recipientsOf(sent).stream()
                .collect(Collectors.toMap(RecipientRow::externalUserId, Function.identity()));
        fake.onWhatsAppAccepted((request, wamid) -> {
            Object callback = request.json().get("biz_opaque_callback_data");
            RecipientRow to = byNumber.get(String.valueOf(request.json().get("to")));
            if (to != null) {
                statuses.apply(sent.chat().tenant(), new InboundEvent(sent.chat().channel().id(), wamid + ":sent",
                        InboundEvent.Type.STATUS, to.externalUserId(), null, null, null, null, wamid, null,
                        new InboundEvent.StatusUpdate(wamid, "sent", null, null,
                                callback == null ? null : callback.toString()), false, Instant.now(), null));
            }
        });
    }

    private InboundEvent status(Sent sent, RecipientRow row, String wamid, String status) {
        return new InboundEvent(sent.chat().channel().id(), wamid + ":" + status, InboundEvent.Type.STATUS,
                row.externalUserId(), null, null, null, null, wamid, null, new InboundEvent.StatusUpdate(wamid,
                status, null, null, "broadcast:" + sent.broadcast() + ":" + row.id()), false, Instant.now(), null);
    }

    private Map<String, Long> perRecipient(Sent sent, List<RecipientRow> rows) {
        Map<String, Long> counts = rows.stream().collect(Collectors.toMap(RecipientRow::externalUserId, r -> 0L));
        messagesTo(sent, rows).forEach(body -> counts.merge(String.valueOf(body.get("to")), 1L, Long::sum));
        return counts;
    }

    private RecipientRow byId(Sent sent, long id) {
        return recipientsOf(sent).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(end);
            Thread.sleep(20);
        }
    }
}
