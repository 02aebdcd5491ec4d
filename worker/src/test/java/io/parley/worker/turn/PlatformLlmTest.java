package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's default LLM (PARLEY_LLM_*) for bots without a key of their own. */
@MicronautTest(transactional = false)
class PlatformLlmTest extends TurnTest {

    private final FakeLlm platform = new FakeLlm();
    private final FakeLlm tenantsOwn = new FakeLlm();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.llm.base-url", platform.baseUrl());
        properties.put("parley.llm.api-key", "sk-platform-secret");
        properties.put("parley.llm.model", "platform-model");
        return properties;
    }

    @AfterAll
    void stopTheFakes() {
        platform.close();
        tenantsOwn.close();
    }

    @Test
    void aBotWithoutAKeyIsAnsweredThroughThePlatformsKeyAndModel() {
        BotSpec spec = new BotSpec();
        spec.model = null;
        World world = world(spec, "web");

        UUID inbound = say(world, "U1", "hello");

        assertThat(replyTexts(world, inbound)).containsExactly("Hello! How can I help you today?");
        assertThat(platform.calls().getLast().authorization()).isEqualTo("Bearer sk-platform-secret");
        assertThat(read(platform.calls().getLast().body())).containsEntry("model", "platform-model");
    }

    @Test
    void thePlatformsKeyIsNeverSentToABaseUrlATenantChose() {
        BotSpec spec = new BotSpec();
        spec.baseUrl = tenantsOwn.baseUrl(); // e.g. a self-hosted server that needs no key

        UUID inbound = say(world(spec, "web"), "U1", "hello");

        assertThat(tenantsOwn.calls()).singleElement().satisfies(call -> assertThat(call.authorization()).isNull());
        assertThat(inbound).isNotNull();
    }
}
