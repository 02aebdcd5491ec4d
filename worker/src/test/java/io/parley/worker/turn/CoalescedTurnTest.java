package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.message.InboundEvent;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.Ids;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several messages, one answer: consecutive messages of a conversation waiting for their turns are answered
 * together — the LLM sees them all, one reply goes with the newest reply token, and their own turns stay silent.
 * Messages a flow answers keep their own turns, in order. A failing LLM answers everything waiting with one fallback.
 */
@MicronautTest(transactional = false)
class CoalescedTurnTest extends TurnTest {

    private final FakeLlm llm = new FakeLlm();

    @Inject
    JobQueue queue;

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    /** A stored event with its turn job, as the ingress leaves them. */
    record Waiting(UUID eventId, InboundEvent event, long jobId) {
    }

    private Waiting arrive(World world, InboundEvent event) {
        UUID id = store(world, event);
        long job = scope.write(world.tenant(), () -> queue.enqueue(world.tenant(),
                JobRequest.of("inbound.turn", "{\"eventId\":\"" + id + "\"}").serial(event.conversationKey())))
                .orElseThrow();
        return new Waiting(id, event, job);
    }

    /** Runs the turn as the queue would: then its job is done. */
    private void runTurn(World world, Waiting waiting) {
        handler.run(new Job(waiting.jobId(), world.tenant(), "inbound.turn",
                "{\"eventId\":\"" + waiting.eventId() + "\"}", 1, 5));
        scope.writeVoid(world.tenant(), () -> sql("UPDATE jobs SET state = 'completed' WHERE id = ?",
                waiting.jobId()));
    }

    @Test
    void messagesTypedInARowAreAnsweredTogetherByOneReplyWithTheNewestToken() {
        World world = world(BotSpec.llm(llm), "line");
        llm.then(FakeLlm.ok("Nice to meet you, Mei! I'm well."));
        int before = llm.calls().size();
        Waiting hi = arrive(world, text(world, "U1", "hi"));
        Waiting name = arrive(world, text(world, "U1", "I'm Mei"));
        Waiting question = arrive(world, text(world, "U1", "how are you?"));

        List.of(hi, name, question).forEach(waiting -> runTurn(world, waiting));

        assertThat(llm.calls()).hasSize(before + 1);
        List<Map<String, Object>> prompt = promptOf(llm.calls().get(before));
        assertThat(prompt.subList(prompt.size() - 3, prompt.size())).extracting(m -> m.get("content"))
                .containsExactly("hi", "I'm Mei", "how are you?");
        assertThat(replyTexts(world, hi.eventId())).containsExactly("Nice to meet you, Mei! I'm well.");
        assertThat(sendJobs(world)).singleElement().satisfies(job ->
                assertThat(job.args().get("replyToken")).isEqualTo(question.event().replyToken()));
        assertThat(answeredBy(world, name.eventId())).isEqualTo(hi.eventId());
        assertThat(answeredBy(world, question.eventId())).isEqualTo(hi.eventId());
        assertThat(inboundTexts(world, hi.eventId())).containsExactly("hi", "I'm Mei", "how are you?");
    }

    @Test
    void aMessageAFlowAnswersKeepsItsOwnTurnAfterTheMessagesBeforeIt() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, new Flow(Ids.next(), "menu", true, 0, new Trigger.Keyword(List.of("menu"), Trigger.Match.CONTAINS),
                List.of(new Step.Text("Here is the menu."))));
        llm.then(FakeLlm.ok("Hello there!"), FakeLlm.ok("Again? Sure."));
        int before = llm.calls().size();
        Waiting hi = arrive(world, text(world, "U1", "hi"));
        Waiting hello = arrive(world, text(world, "U1", "hello?"));
        Waiting menu = arrive(world, text(world, "U1", "menu"));
        Waiting again = arrive(world, text(world, "U1", "again"));

        List.of(hi, hello, menu, again).forEach(waiting -> runTurn(world, waiting));

        assertThat(llm.calls()).hasSize(before + 2);
        assertThat(replyTexts(world, hi.eventId())).containsExactly("Hello there!");
        assertThat(replyTexts(world, menu.eventId())).containsExactly("Here is the menu.");
        assertThat(replyTexts(world, again.eventId())).containsExactly("Again? Sure.");
        assertThat(answeredBy(world, hello.eventId())).isEqualTo(hi.eventId());
        assertThat(answeredBy(world, again.eventId())).isNull();
        assertThat(sendJobs(world)).hasSize(3);
    }

    @Test
    void aMessageWrittenWhileTheBotWasAnsweringSeesThatAnswerInItsHistory() throws Exception {
        World world = world(BotSpec.llm(llm), "line");
        llm.then(FakeLlm.ok("Nice to meet you, Mei.").after(Duration.ofMillis(1500)), FakeLlm.ok("I'm fine."));
        int before = llm.calls().size();
        Waiting name = arrive(world, text(world, "U1", "I'm Mei"));

        Thread turn = Thread.ofVirtual().start(() -> runTurn(world, name));
        long deadline = System.nanoTime() + Duration.ofSeconds(7).toNanos();
        while (llm.calls().size() == before) {
            assertThat(System.nanoTime() < deadline && turn.isAlive()).as("the turn asked the LLM").isTrue();
            Thread.sleep(10);
        }
        Waiting question = arrive(world, text(world, "U1", "how are you?"));
        turn.join();
        runTurn(world, question);

        assertThat(llm.calls()).hasSize(before + 2);
        List<Map<String, Object>> prompt = promptOf(llm.calls().get(before + 1));
        assertThat(prompt.subList(prompt.size() - 3, prompt.size()))
                .extracting(m -> m.get("role"), m -> m.get("content")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("user", "I'm Mei"),
                        org.assertj.core.groups.Tuple.tuple("assistant", "Nice to meet you, Mei."),
                        org.assertj.core.groups.Tuple.tuple("user", "how are you?"));
    }

    @Test
    void aHungLlmAnswersEveryMessageWaitingWithOneFallbackInsideTheReplyWindow() throws Exception {
        BotSpec spec = BotSpec.llm(llm);
        spec.fallback = "Sorry, I'm slow today.";
        spec.timeoutMs = 8000;
        World world = world(spec, "line");
        llm.then(FakeLlm.ok().after(Duration.ofSeconds(20)));
        int before = llm.calls().size();
        Waiting first = arrive(world, text(world, "U1", "are you there?"));
        Instant start = Instant.now();

        Thread turn = Thread.ofVirtual().start(() -> runTurn(world, first));
        long deadline = System.nanoTime() + Duration.ofSeconds(7).toNanos();
        while (llm.calls().size() == before) {
            assertThat(System.nanoTime() < deadline && turn.isAlive()).as("the turn asked the LLM").isTrue();
            Thread.sleep(10);
        }
        List<Waiting> meanwhile = new ArrayList<>();
        for (String text : List.of("hello?", "???", "hello!!")) {
            meanwhile.add(arrive(world, text(world, "U1", text)));
        }
        turn.join();
        meanwhile.forEach(waiting -> runTurn(world, waiting));

        assertThat(Duration.between(start, Instant.now())).as("one fallback after one timeout")
                .isLessThan(Duration.ofSeconds(16));
        assertThat(llm.calls()).hasSize(before + 1);
        assertThat(replyTexts(world, first.eventId())).containsExactly("Sorry, I'm slow today.");
        assertThat(sendJobs(world)).singleElement().satisfies(job ->
                assertThat(job.args().get("replyToken")).isEqualTo(meanwhile.getLast().event().replyToken()));
        meanwhile.forEach(waiting -> assertThat(answeredBy(world, waiting.eventId())).isEqualTo(first.eventId()));
    }

    private UUID answeredBy(World world, UUID messageId) {
        return scope.read(world.tenant(), () -> {
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(
                    "SELECT answered_by FROM messages WHERE tenant_id = ? AND id = ?")) {
                select.setObject(1, world.tenant().value());
                select.setObject(2, messageId);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).as("message " + messageId + " is stored").isTrue();
                    return row.getObject(1, UUID.class);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> inboundTexts(World world, UUID inboundMessageId) {
        return messagesOf(world, conversation(world, inboundMessageId).id()).stream()
                .filter(m -> "inbound".equals(m.direction())).map(m -> m.text()).toList();
    }
}
