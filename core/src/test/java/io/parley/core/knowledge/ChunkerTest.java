package io.parley.core.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkerTest {

    @Test
    void keepsEachChunkUnderItsHeadingPath() {
        List<Chunker.Chunk> chunks = Chunker.chunk("""
                Intro line.

                # Shop
                ## Opening hours
                Monday to Friday, 9:00 to 18:00.

                # Refunds
                Within 30 days.
                """);

        assertThat(chunks).containsExactly(new Chunker.Chunk(null, "Intro line."),
                new Chunker.Chunk("Shop › Opening hours", "Monday to Friday, 9:00 to 18:00."),
                new Chunker.Chunk("Refunds", "Within 30 days."));
    }

    @Test
    void packsParagraphsIntoChunksOfAtMostEightHundredCharactersThatOverlap() {
        String paragraph = "Sentence number %d talks about delivery times and the weather in Taipei. ";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append(paragraph.formatted(i)).append(i % 3 == 2 ? "\n\n" : "");
        }

        List<Chunker.Chunk> chunks = Chunker.chunk(text.toString());

        assertThat(chunks).hasSizeGreaterThan(3)
                .allSatisfy(chunk -> assertThat(chunk.text().length()).isBetween(100, Chunker.MAX));
        for (int i = 1; i < chunks.size(); i++) {
            String before = chunks.get(i - 1).text();
            String start = chunks.get(i).text().substring(0, 40);
            assertThat(before).as("chunk %d starts with the end of chunk %d", i, i - 1).contains(start);
        }
        assertThat(String.join(" ", chunks.stream().map(Chunker.Chunk::text).toList()))
                .contains("Sentence number 0 ", "Sentence number 39 ");
    }

    @Test
    void cutsLongChineseTextWithoutSpacesAtSentenceEnds() {
        String sentence = "本店的營業時間是週一至週五上午九點到下午六點，週末公休。";
        String text = sentence.repeat(60); // one paragraph, no spaces, no line breaks

        List<Chunker.Chunk> chunks = Chunker.chunk(text);

        assertThat(chunks).hasSizeGreaterThan(1)
                .allSatisfy(chunk -> {
                    assertThat(chunk.text().length()).isLessThanOrEqualTo(Chunker.MAX);
                    assertThat(chunk.text()).endsWith("。");
                });
    }
}
