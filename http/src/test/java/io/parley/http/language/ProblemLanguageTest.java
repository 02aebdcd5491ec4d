package io.parley.http.language;

import org.junit.jupiter.api.Test;

import static io.parley.http.language.ProblemLanguage.ENGLISH;
import static io.parley.http.language.ProblemLanguage.TRADITIONAL_CHINESE;
import static io.parley.http.language.ProblemLanguage.negotiate;
import static org.assertj.core.api.Assertions.assertThat;

class ProblemLanguageTest {

    @Test
    void traditionalChineseRangesOfEveryShapeMeanZhHant() {
        for (String header : new String[] {"zh-Hant", "zh-TW", "zh-HK", "zh-MO", "zh-Hant-TW", "zh-hant-hk", "zh"}) {
            assertThat(negotiate(header)).as(header).isEqualTo(TRADITIONAL_CHINESE);
        }
    }

    @Test
    void theHighestQValueThatParleySpeaksWinsWhateverTheOrder() {
        assertThat(negotiate("en;q=0.5, zh-TW;q=0.9")).isEqualTo(TRADITIONAL_CHINESE);
        assertThat(negotiate("zh-TW;q=0.4, en-GB;q=0.8")).isEqualTo(ENGLISH);
        assertThat(negotiate("fr-FR, fr;q=0.9, zh-Hant;q=0.8, en;q=0.7")).isEqualTo(TRADITIONAL_CHINESE);
    }

    @Test
    void aRangeWithQZeroIsRefusedNotChosen() {
        assertThat(negotiate("zh-TW;q=0, fr")).isEqualTo(ENGLISH);
    }

    @Test
    void simplifiedChineseIsNotSpokenSoTheNextRangeDecides() {
        assertThat(negotiate("zh-CN")).isEqualTo(ENGLISH);
        assertThat(negotiate("zh-Hans, zh-TW;q=0.8")).isEqualTo(TRADITIONAL_CHINESE);
    }

    @Test
    void unknownMissingOrMalformedHeadersMeanEnglish() {
        assertThat(negotiate("fr, de;q=0.5")).isEqualTo(ENGLISH);
        assertThat(negotiate("*")).isEqualTo(ENGLISH);
        assertThat(negotiate(null)).isEqualTo(ENGLISH);
        assertThat(negotiate("")).isEqualTo(ENGLISH);
        assertThat(negotiate(";;;q=x,,")).isEqualTo(ENGLISH);
    }
}
