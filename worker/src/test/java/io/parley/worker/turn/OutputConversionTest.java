package io.parley.worker.turn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputConversionTest {

    @Test
    void convertsSimplifiedToTraditionalAndBack() {
        assertThat(OutputConversion.apply("zh-Hant", "头发很长，学习汉语")).isEqualTo("頭髮很長，學習漢語");
        assertThat(OutputConversion.apply("zh-Hans", "頭髮很長，學習漢語")).isEqualTo("头发很长，学习汉语");
    }

    @Test
    void taiwanPhrasingConvertsWordsNotOnlyCharacters() {
        assertThat(OutputConversion.apply("zh-Hant", "软件和鼠标，网络信息")).isEqualTo("軟件和鼠標，網絡信息");
        assertThat(OutputConversion.apply("zh-Hant-TW", "软件和鼠标，网络信息")).isEqualTo("軟體和滑鼠，網路資訊");
    }

    @Test
    void leavesTextAloneWithoutAConversion() {
        assertThat(OutputConversion.apply("none", "头发")).isEqualTo("头发");
        assertThat(OutputConversion.apply("zh-Hant", "Hello, world")).isEqualTo("Hello, world");
    }
}
