package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.conversation.MessageRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage you can see: a bot's LLM answer carries the call's model, tokens, latency and cost — or "no price". */
@MicronautTest(transactional = false)
class MessageUsageTurnTest extends TurnTest {

    private final FakeLlm llm = new FakeLlm();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.llm.prices.gpt41.model", "gpt-4.1");
        properties.put("parley.llm.prices.gpt41.input-per-million", "2000000");
        properties.put("parley.llm.prices.gpt41.output-per-million", "8000000");
        return properties;
    }

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> usageOn(World world, UUID inbound) {
        List<MessageRow> replies = repliesTo(world, inbound);
        assertThat(replies).isNotEmpty();
        return (Map<String, Object>) read(replies.getFirst().payload()).get("usage");
    }

    @Test
    void aPricedAnswerCarriesItsModelTokensLatencyAndCost() {
        BotSpec spec = BotSpec.llm(llm);
        spec.model = "gpt-4.1";
        World world = world(spec, "web");

        Map<String, Object> usage = usageOn(world, say(world, "U1", "Hi"));

        // the fixture's 28 prompt and 9 completion tokens: 28 × $2/M + 9 × $8/M = 128 micro-USD
        assertThat(usage).containsEntry("model", "gpt-4.1").containsEntry("promptTokens", 28)
                .containsEntry("completionTokens", 9).containsEntry("costMicros", 128)
                .containsEntry("unpriced", false).containsEntry("outcome", "ok").containsKey("latencyMs");
    }

    @Test
    void anUnpricedModelIsMarkedNoPriceNeverCostedZero() {
        BotSpec spec = BotSpec.llm(llm);
        spec.model = "mystery-model-9";
        World world = world(spec, "web");

        Map<String, Object> usage = usageOn(world, say(world, "U1", "Hi"));

        assertThat(usage).containsEntry("model", "mystery-model-9").containsEntry("unpriced", true)
                .containsEntry("costMicros", null);
    }
}
