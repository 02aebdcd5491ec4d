package io.parley.api.bot;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** llm.answeredBy says honestly who answers a bot: the demo LLM, the platform's LLM or the bot's own. */
@MicronautTest(transactional = false)
class BotLlmSourceApiTest extends ApiTest {

    @Test
    void aNewBotWithoutAKeyAnywhereRunsOnTheDemoLlmAndSaysSo() {
        Session owner = api().signup("Demo Source Co");

        var created = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Lumi"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("llm.answeredBy")).isEqualTo("demo");
    }

    @Test
    void aBotWithItsOwnKeyIsAnsweredByItsOwnProvider() {
        Session owner = api().signup("Own Source Co");

        var created = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Mei",
                "llm", Map.of("provider", "openai-compatible", "apiKey", "sk-own-secret-1234")));

        assertThat(created.string("llm.answeredBy")).isEqualTo("own");
    }
}
