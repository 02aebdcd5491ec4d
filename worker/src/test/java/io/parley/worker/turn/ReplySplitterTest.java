package io.parley.worker.turn;

import io.parley.core.channel.ChannelType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplySplitterTest {

    private static final ChannelLimits TEN = new ChannelLimits(10, 5);

    @Test
    void aTextWithinTheLimitIsOneMessage() {
        assertThat(ReplySplitter.split("  short  ", TEN, 5)).containsExactly("short");
        assertThat(ReplySplitter.split("x".repeat(50_000), ChannelLimits.of(ChannelType.WEB), 1)).hasSize(1);
    }

    @Test
    void splitsAtParagraphsThenLinesThenSentencesThenSpaces() {
        assertThat(ReplySplitter.split("One two.\n\nThree", new ChannelLimits(12, 5), 5))
                .containsExactly("One two.", "Three");
        assertThat(ReplySplitter.split("Line one\nLine two", new ChannelLimits(12, 5), 5))
                .containsExactly("Line one", "Line two");
        assertThat(ReplySplitter.split("Hi there. How are you", new ChannelLimits(14, 5), 5))
                .containsExactly("Hi there.", "How are you");
        assertThat(ReplySplitter.split("alpha beta gamma", TEN, 5)).containsExactly("alpha beta", "gamma");
    }

    @Test
    void splitsChineseAfterItsSentencePunctuation() {
        assertThat(ReplySplitter.split("今天天氣很好。我們去公園散步吧", new ChannelLimits(10, 5), 5))
                .containsExactly("今天天氣很好。", "我們去公園散步吧");
    }

    @Test
    void cutsHardOnlyWithoutBoundariesAndNeverInsideASurrogatePair() {
        String emoji = "😀".repeat(6); // 12 UTF-16 units
        List<String> parts = ReplySplitter.split(emoji, new ChannelLimits(5, 5), 5);

        assertThat(String.join("", parts)).isEqualTo(emoji);
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(5)
                .satisfies(length -> assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse()));
    }

    @Test
    void anAnswerLongerThanTheSlotsEndsShortenedWithAnEllipsis() {
        List<String> parts = ReplySplitter.split("aaaa bbbb cccc dddd eeee", TEN, 2);

        assertThat(parts).containsExactly("aaaa bbbb", "cccc dddd…");
    }

    @Test
    void linesLimitsAreFiveThousandCharactersAndFiveMessages() {
        String paragraph = "word ".repeat(1200).strip(); // 5999 characters

        List<String> parts = ReplySplitter.split(String.join("\n\n", List.of(paragraph, paragraph, paragraph,
                paragraph, paragraph, paragraph)), ChannelLimits.of(ChannelType.LINE), 5);

        assertThat(parts).hasSize(5).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(5000));
        assertThat(parts.getLast()).endsWith("…");
    }
}
