package io.parley.http.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextSafetyTest {

    @Test
    void nulAndUnpairedSurrogatesCannotBeStored() {
        assertThat(TextSafety.firstUnstorable("a\u0000b")).isEqualTo(1);
        assertThat(TextSafety.firstUnstorable("x\ud800")).isEqualTo(1);
        assertThat(TextSafety.firstUnstorable("\udc00x")).isEqualTo(0);
    }

    @Test
    void everyOtherCharacterIncludingEmojiAndCjkCanBeStored() {
        assertThat(TextSafety.firstUnstorable("營業時間 😀 \t\n\u007f\uffff")).isEqualTo(-1);
    }
}
