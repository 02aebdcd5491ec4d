package io.parley.core.bot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LlmSourceTest {

    @Test
    void aBotWithNothingOfItsOwnRunsOnThePlatformsLlmOrElseTheDemo() {
        assertThat(LlmSource.of("openai-compatible", null, false, true)).isEqualTo(LlmSource.PLATFORM);
        assertThat(LlmSource.of("openai-compatible", " ", false, false)).isEqualTo(LlmSource.DEMO);
    }

    @Test
    void aKeyAUrlOrANativeProviderIsTheBotsOwnAndDemoIsAlwaysTheDemo() {
        assertThat(LlmSource.of("openai-compatible", null, true, false)).isEqualTo(LlmSource.OWN);
        assertThat(LlmSource.of("openai-compatible", "http://vllm:8000/v1", false, false)).isEqualTo(LlmSource.OWN);
        assertThat(LlmSource.of("anthropic", null, true, false)).isEqualTo(LlmSource.OWN);
        assertThat(LlmSource.of("demo", null, true, true)).isEqualTo(LlmSource.DEMO);
        assertThat(LlmSource.DEMO.wireName()).isEqualTo("demo");
    }
}
