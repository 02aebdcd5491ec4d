package io.parley.core.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A question split the way chunks are indexed (V186): its words for the {@code simple} tsvector, and the character
 * bigrams of its Chinese/Japanese/Korean runs for the bigram index. The CJK runs are taken out of the words part:
 * PostgreSQL's parser would make a whole sentence without spaces one "word" that no chunk contains.
 *
 * @param words   the question without its CJK characters (PostgreSQL parses it and drops English stop words)
 * @param bigrams distinct bigrams of the CJK runs (lower-cased, which leaves CJK as it is)
 */
public record KnowledgeQuery(String words, List<String> bigrams) {

    /** Han, kana and Hangul: the scripts written without spaces between words. */
    private static boolean cjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    public static KnowledgeQuery of(String question) {
        StringBuilder words = new StringBuilder();
        Set<String> bigrams = new LinkedHashSet<>();
        StringBuilder run = new StringBuilder();
        question.codePoints().forEach(cp -> {
            if (cjk(cp)) {
                run.appendCodePoint(cp);
                words.append(' ');
            } else {
                addBigrams(run, bigrams);
                words.appendCodePoint(cp);
            }
        });
        addBigrams(run, bigrams);
        return new KnowledgeQuery(words.toString().strip(), List.copyOf(bigrams));
    }

    /**
     * The distinct bigrams of a chunk's CJK runs (V207's {@code grams}): the same rule as a question's, so a question's
     * bigram is in a chunk's exactly when the chunk's text holds those two characters side by side.
     */
    public static List<String> bigramsOf(String text) {
        Set<String> bigrams = new LinkedHashSet<>();
        StringBuilder run = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cjk(cp)) {
                run.appendCodePoint(cp);
            } else {
                addBigrams(run, bigrams);
            }
        });
        addBigrams(run, bigrams);
        return List.copyOf(bigrams);
    }

    private static void addBigrams(StringBuilder run, Set<String> into) {
        String text = run.toString().toLowerCase(Locale.ROOT);
        int[] points = text.codePoints().toArray();
        for (int i = 0; i + 1 < points.length; i++) {
            into.add(new String(points, i, 2));
        }
        run.setLength(0);
    }

    public boolean isEmpty() {
        return words.isBlank() && bigrams.isEmpty();
    }
}
