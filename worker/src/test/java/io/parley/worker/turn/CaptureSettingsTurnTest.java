package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** parley.flows.answer-timeout and parley.flows.cancel-words are read (both fail with the defaults). */
@MicronautTest(transactional = false)
class CaptureSettingsTurnTest extends TurnTest {

    private final FakeLlm llm = new FakeLlm();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.flows.answer-timeout", "1s");
        properties.put("parley.flows.cancel-words", "basta,算了");
        return properties;
    }

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void aCancelWordLeavesTheQuestionAndIsAnsweredAsAnOrdinaryMessage() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, CaptureTurnTest.booking());

        say(world, "U1", "book");

        assertThat(replyTexts(world, say(world, "U1", "BASTA"))).containsExactly(CaptureTurnTest.LLM_ANSWER);
        assertThat(replyTexts(world, say(world, "U1", "5"))).as("no longer an answer")
                .containsExactly(CaptureTurnTest.LLM_ANSWER);
    }

    @Test
    void aQuestionExpiresAfterTheAnswerTimeout() throws InterruptedException {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, CaptureTurnTest.booking());

        say(world, "U1", "book");
        Thread.sleep(1_300);

        assertThat(replyTexts(world, say(world, "U1", "4"))).containsExactly(CaptureTurnTest.LLM_ANSWER);
    }
}
