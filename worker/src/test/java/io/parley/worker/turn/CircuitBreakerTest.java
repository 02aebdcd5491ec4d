package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A small breaker (4 calls, one attempt each) so a few failing turns open it. */
@MicronautTest(transactional = false)
class CircuitBreakerTest extends TurnTest {

    private final FakeLlm dead = new FakeLlm();
    private final FakeLlm healthy = new FakeLlm();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.llm.max-attempts", "1");
        properties.put("parley.llm.breaker-window", "4");
        properties.put("parley.llm.breaker-minimum-calls", "4");
        properties.put("parley.llm.breaker-open-for", "10m");
        return properties;
    }

    @AfterAll
    void stopTheFakes() {
        dead.close();
        healthy.close();
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndTheFallbackAnswersAtOnce() {
        dead.always(FakeLlm.error(500, "openai-error-500.json", Map.of()));
        BotSpec spec = BotSpec.llm(dead);
        spec.fallback = "We'll be right back.";
        World world = world(spec, "line");
        for (int i = 0; i < 4; i++) {
            say(world, "U" + i, "hello " + i);
        }
        assertThat(dead.calls()).hasSize(4);

        UUID inbound = say(world, "U9", "anyone there?");

        assertThat(dead.calls()).hasSize(4);
        assertThat(replyTexts(world, inbound)).containsExactly("We'll be right back.");
        assertThat(usageOf(world).getFirst().outcome()).isEqualTo("circuit_open");
    }

    @Test
    void anotherEndpointsBreakerIsUnaffected() {
        World world = world(BotSpec.llm(healthy), "line");

        UUID inbound = say(world, "U1", "hello");

        assertThat(replyTexts(world, inbound)).containsExactly("Hello! How can I help you today?");
    }

    @Test
    void aTenantsExhaustedQuotaDoesNotOpenTheEndpointsBreaker() {
        FakeLlm shared = healthy;
        World world = world(BotSpec.llm(shared), "line");
        for (int i = 0; i < 5; i++) {
            shared.then(FakeLlm.error(429, "openai-error-429-insufficient-quota.json", Map.of()));
            say(world, "Q" + i, "hi");
        }

        UUID inbound = say(world, "Q9", "hi again");

        assertThat(replyTexts(world, inbound)).containsExactly("Hello! How can I help you today?");
    }
}
