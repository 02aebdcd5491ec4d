package io.parley.api.bot;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With PARLEY_LLM_API_KEY set, a bot that brings nothing of its own uses the platform's LLM, and says so. */
@MicronautTest(transactional = false)
class BotLlmPlatformSourceApiTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.llm.api-key", "sk-platform-secret");
    }

    @Test
    void aBotWithNothingOfItsOwnIsAnsweredByThePlatformsLlm() {
        Session owner = api().signup("Platform Source Co");

        var created = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Lumi"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("llm.answeredBy")).isEqualTo("platform");
        assertThat(created.text()).doesNotContain("sk-platform-secret");
    }
}
