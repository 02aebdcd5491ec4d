package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.worker.llm.FakeProvider;
import io.parley.worker.llm.StreamingLlmTest;
import io.parley.worker.llm.GeminiLlmTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A bot's own native provider, and a platform default that is not OpenAI-compatible, through the whole turn. */
@MicronautTest(transactional = false)
class NativeProviderTurnTest extends TurnTest {

    private final FakeProvider anthropic = new FakeProvider();
    private final FakeProvider platformGemini = new FakeProvider();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.llm.provider", "gemini");
        properties.put("parley.llm.base-url", platformGemini.url() + "/v1beta");
        properties.put("parley.llm.api-key", "AIza-platform-secret");
        properties.put("parley.llm.model", "gemini-2.0-flash");
        return properties;
    }

    @AfterAll
    void stopTheFakes() {
        anthropic.close();
        platformGemini.close();
    }

    @Test
    void aBotOnAnthropicIsAnsweredThroughTheMessagesApiWithItsSealedKey() {
        anthropic.then(FakeProvider.ok(StreamingLlmTest.ANTHROPIC_STREAM)); // a web chat turn streams its answer
        BotSpec spec = new BotSpec();
        spec.provider = "anthropic";
        spec.baseUrl = anthropic.url() + "/v1";
        spec.apiKey = "sk-ant-bots-own";
        spec.model = "claude-sonnet-4-5";
        World world = world(spec, "web");

        UUID inbound = say(world, "U1", "Hi, I'm Mei");

        assertThat(replyTexts(world, inbound)).containsExactly("Nice to meet you, Mei!");
        FakeProvider.Request request = anthropic.requests().getLast();
        assertThat(request.pathAndQuery()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("sk-ant-bots-own");
        assertThat(request.body()).contains("Hi, I'm Mei");
        assertThat(usageOf(world).getFirst().provider()).isEqualTo("anthropic");
        assertThat(usageOf(world).getFirst().promptTokens()).isEqualTo(31);
    }

    @Test
    void aBotWithNothingOfItsOwnUsesThePlatformDefaultProvider() {
        platformGemini.then(FakeProvider.ok(GeminiLlmTest.TEXT));
        BotSpec spec = new BotSpec();
        spec.model = null;
        World world = world(spec, "line"); // not streamed: answered whole

        UUID inbound = say(world, "U2", "hello");

        assertThat(replyTexts(world, inbound)).containsExactly("Nice to meet you, Mei!");
        FakeProvider.Request request = platformGemini.requests().getLast();
        assertThat(request.pathAndQuery()).isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
        assertThat(request.header("x-goog-api-key")).isEqualTo("AIza-platform-secret");
        assertThat(usageOf(world).getFirst().provider()).isEqualTo("gemini");
    }
}
