package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker dies in the middle of a turn: the rest of the cluster sees its job running under a lease nobody renews.
 * The turn must still be answered, once, and the dead worker's late results (should it come back, like a paused VM)
 * must change nothing.
 */
@MicronautTest(transactional = false)
class WorkerCrashTest extends PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.queue.lease", "3s");
        properties.put("parley.queue.rescue-interval", "200ms");
        properties.put("parley.queue.backoff-unit", "10ms");
        return properties;
    }

    @Test
    void aTurnWhoseWorkerDiedMidJobIsProcessedOnceAndAnsweredOnce() throws Exception {
        Setup setup = setUp(Map.of());
        CountDownLatch deadWorkerResumes = new CountDownLatch(1);
        AtomicInteger llmCalls = new AtomicInteger();
        fakes.llm.set(body -> {
            if (body.contains("mid-crash") && llmCalls.incrementAndGet() == 1) {
                await(deadWorkerResumes); // the worker that took the turn stops here, inside the LLM call
            }
            return FakeProviders.LlmAnswer.ok("Answered after a crash");
        });
        String eventId = "01E2ECRASH" + UUID.randomUUID();
        String replyToken = "rt-" + UUID.randomUUID();

        assertThat(lineText(setup, "Ue2ecrash01", eventId, replyToken, "mid-crash question")).isEqualTo(200);
        PipelineTest.await("the turn to reach the LLM", WAIT, () -> llmCalls.get() == 1);
        int crashed = crash(eventId);
        PipelineTest.await("the reply", WAIT, () -> !lineMessagesFor(replyToken).isEmpty());
        deadWorkerResumes.countDown();
        Thread.sleep(1500); // time for the dead worker's late reply, and any send it would queue, to show up

        assertThat(crashed).as("the turn's job was running when its worker died").isEqualTo(1);
        assertThat(llmCalls).as("the rescued attempt asked again").hasValue(2);
        assertThat(lineMessagesFor(replyToken)).singleElement().satisfies(reply -> {
            assertThat(reply.path()).isEqualTo("/v2/bot/message/reply");
            assertThat(reply.body()).contains("Answered after a crash");
        });
        assertThat(fakes.lineMessages()).filteredOn(call -> call.body().contains("Ue2ecrash01")).isEmpty(); // no push
        assertThat(botMessages(setup)).as("one reply stored").hasSize(1);
        assertThat(turnJob(eventId)).isEqualTo("completed/2");
    }

    /**
     * What a worker that died leaves behind: its job running, locked by a worker id nobody answers to, the lease
     * past. (The handler that is really blocked here stands for the dead worker's thread.)
     */
    private int crash(String providerEventId) throws SQLException {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE jobs SET locked_by = 'crashed-worker', locked_until = now() - interval '1 second'
                     WHERE state = 'running' AND kind = 'inbound.turn' AND args->>'eventId' IN (
                         SELECT CAST(id AS text) FROM inbound_events WHERE provider_event_id = ?)""")) {
            update.setString(1, providerEventId);
            return update.executeUpdate();
        }
    }

    private String turnJob(String providerEventId) throws SQLException {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT state || '/' || attempt FROM jobs WHERE kind = 'inbound.turn' AND args->>'eventId' IN (
                         SELECT CAST(id AS text) FROM inbound_events WHERE provider_event_id = ?)""")) {
            query.setString(1, providerEventId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> botMessages(Setup setup) {
        List<Map<String, Object>> conversations = (List<Map<String, Object>>) get("/api/v1/conversations",
                setup.token()).get("items");
        String conversationId = (String) conversations.getFirst().get("id");
        List<Map<String, Object>> messages = (List<Map<String, Object>>) get("/api/v1/conversations/"
                + conversationId + "/messages", setup.token()).get("items");
        return messages.stream().filter(message -> "outbound".equals(message.get("direction"))).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
