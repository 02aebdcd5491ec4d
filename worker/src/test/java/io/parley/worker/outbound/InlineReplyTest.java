package io.parley.worker.outbound;

import io.parley.core.message.InboundEvent;
import io.parley.core.message.JobKinds;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.Ids;
import io.parley.worker.testing.Rows;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One job per turn (docs/outbound.md): the turn sends its reply itself once the reply committed, under its own
 * claim, and leaves it to an {@code outbound.send} job only when it cannot — an earlier send of the conversation
 * still waits, the provider failed, or the worker lost the turn's claim (then the turn's next attempt finds its
 * reply unsent and gives it that job, so it is sent once, with its reply token).
 */
@MicronautTest(transactional = false)
class InlineReplyTest extends OutboundTest {

    private static final String REPLY = "/v2/bot/message/reply";
    private static final AtomicLong JOB_IDS = new AtomicLong(1_000_000);

    @Inject
    JobQueue queue;

    private final Rows rows = new Rows();

    @Test
    void aTurnSendsItsReplyItselfSoItLeavesNoOutboundSendJobBehind() {
        Chat chat = welcomingLineChat();
        String token = "rt-" + UUID.randomUUID();

        turn(chat, follow(chat, token), null, 1);

        assertThat(repliesWith(token)).hasSize(1);
        assertThat(reply(chat)).containsEntry("status", "sent").containsEntry("send_mode", "reply");
        assertThat(sendJobs(chat)).as("no job but the turn's own").isEmpty();
    }

    @Test
    void aReplyWhoseWorkerLostTheTurnAfterTheCommitIsSentOnceByTheTurnsNextAttempt() throws Exception {
        Chat chat = welcomingLineChat();
        String token = "rt-" + UUID.randomUUID();
        UUID event = follow(chat, token);

        turn(chat, event, "a-worker-declared-dead", 1); // its claim is gone: it must not send
        assertThat(repliesWith(token)).isEmpty();
        assertThat(reply(chat)).as("the marker: the reply committed, still queued").containsEntry("status", "queued");
        assertThat(sendJobs(chat)).isEmpty();

        turn(chat, event, null, 2); // the attempt that took the turn over
        List<Map<String, Object>> jobs = sendJobs(chat);
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.get("kind")).isEqualTo(JobKinds.OUTBOUND_SEND);
            assertThat((String) job.get("args")).contains(token);
        });
        runSendJob(chat, (String) jobs.getFirst().get("args"));
        turn(chat, event, null, 3); // once more: nothing left to send, nothing enqueued

        assertThat(repliesWith(token)).hasSize(1);
        assertThat(reply(chat)).containsEntry("status", "sent");
        assertThat(sendJobs(chat)).hasSize(1);
    }

    @Test
    void aReplyWaitsInAnOutboundSendJobBehindAnEarlierSendOfTheConversation() {
        Chat chat = welcomingLineChat();
        UUID agentMessage = queueText(chat, "A person wrote first");
        scope.writeVoid(chat.tenant(), () -> queue.enqueue(chat.tenant(), JobRequest.of(JobKinds.OUTBOUND_SEND,
                write(new OutboundSendArgs(chat.conversationId(), List.of(agentMessage), null, null)))
                .serial(InboundEvent.sendKey(chat.channel().id(), chat.externalUserId()))));

        String token = "rt-" + UUID.randomUUID();
        turn(chat, follow(chat, token), null, 1);

        assertThat(repliesWith(token)).as("nothing overtakes the waiting send").isEmpty();
        assertThat(sendJobs(chat)).extracting(job -> job.get("serial_key")).containsExactly(
                InboundEvent.sendKey(chat.channel().id(), chat.externalUserId()),
                InboundEvent.sendKey(chat.channel().id(), chat.externalUserId()));
    }

    @Test
    void aReplyTheProviderFailedIsLeftToAnOutboundSendJobWithItsReplyToken() {
        Chat chat = welcomingLineChat();
        String token = "rt-" + UUID.randomUUID();
        fake.script(REPLY, 500, "{\"message\":\"try later\"}");

        turn(chat, follow(chat, token), null, 1);

        assertThat(repliesWith(token)).hasSize(1);
        assertThat(reply(chat)).containsEntry("status", "queued");
        assertThat(sendJobs(chat)).singleElement().satisfies(job -> {
            assertThat(job.get("kind")).isEqualTo(JobKinds.OUTBOUND_SEND);
            assertThat(job.get("unique_key")).isEqualTo("out:" + reply(chat).get("id"));
            assertThat((String) job.get("args")).contains(token);
        });
    }

    @Test
    void aLaterSendWaitsWhileAnEarlierReplyIsStillBeingSentInline() throws Exception {
        Chat chat = lineChat();
        UUID inFlight = queueText(chat, "The bot's reply, being sent by its turn");
        UUID agent = queueText(chat, "A person's message, written right after");
        Thread job = Thread.ofVirtual().start(() -> {
            try {
                send(chat, List.of(agent));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Thread.sleep(500);
        assertThat(message(chat, agent).status()).as("held back behind the reply").isEqualTo("queued");
        rows.query("UPDATE messages SET status = 'sent' WHERE id = ? RETURNING id", inFlight); // the turn sent it
        job.join(5_000);

        assertThat(message(chat, agent).status()).isEqualTo("sent");
    }

    /** A LINE chat whose bot welcomes followers: a follow is answered without an LLM. */
    private Chat welcomingLineChat() {
        Chat chat = lineChat();
        rows.query("UPDATE bots SET welcome_message = 'Welcome!' WHERE tenant_id = ? RETURNING id",
                chat.tenant().value());
        return chat;
    }

    /** Stores a LINE follow event with a reply token, as the ingress would; returns its id. */
    private UUID follow(Chat chat, String replyToken) {
        InboundEvent event = new InboundEvent(chat.channel().id(), "ev-" + UUID.randomUUID(), InboundEvent.Type.FOLLOW,
                chat.externalUserId(), "Test User", null, null, null, null, replyToken, null, true, Instant.now(),
                null);
        UUID id = Ids.next();
        rows.query("""
                INSERT INTO inbound_events (tenant_id, id, channel_id, provider_event_id, kind, payload)
                VALUES (?, ?, ?, ?, 'follow', CAST(? AS jsonb)) RETURNING id""", chat.tenant().value(), id,
                chat.channel().id(), event.providerEventId(), write(event));
        return id;
    }

    /** Runs the inbound.turn handler as claimed by {@code worker} (null: a job the queue did not claim, held). */
    private void turn(Chat chat, UUID event, String worker, int attempt) {
        Job job = new Job(JOB_IDS.incrementAndGet(), chat.tenant(), JobKinds.INBOUND_TURN,
                "{\"eventId\": \"" + event + "\"}", attempt, 10, worker);
        try {
            handler(JobKinds.INBOUND_TURN).run(job);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void runSendJob(Chat chat, String args) throws Exception {
        handler(JobKinds.OUTBOUND_SEND).run(new Job(JOB_IDS.incrementAndGet(), chat.tenant(), JobKinds.OUTBOUND_SEND,
                args, 1, 8));
    }

    private JobHandler handler(String kind) {
        return context.getBeansOfType(JobHandler.class).stream().filter(handler -> handler.kind().equals(kind))
                .findFirst().orElseThrow();
    }

    /** The replies the fake LINE received with {@code token} (the fake serves every test of the class). */
    private List<FakeProviders.Request> repliesWith(String token) {
        return fake.requests(REPLY).stream().filter(reply -> token.equals(reply.json().get("replyToken"))).toList();
    }

    /** The tenant's outbound.send jobs, oldest first (a turn also enqueues analytics refreshes, not counted). */
    private List<Map<String, Object>> sendJobs(Chat chat) {
        return rows.jobs(chat.tenant().value()).stream()
                .filter(job -> JobKinds.OUTBOUND_SEND.equals(job.get("kind"))).toList();
    }

    /** The bot's one outbound message in the conversation. */
    private Map<String, Object> reply(Chat chat) {
        return rows.query("SELECT id, status, send_mode FROM messages WHERE conversation_id = ? "
                + "AND direction = 'outbound'", chat.conversationId()).getFirst();
    }
}
