package io.parley.worker.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a long answer into messages a channel accepts, at the most natural boundary that fits: a paragraph, else a
 * line, else a sentence end (Latin or CJK punctuation), else a space; only a text without any of those is cut hard
 * (never inside a surrogate pair). When the answer needs more messages than {@code slots}, the last one is
 * shortened and ends with "…".
 */
final class ReplySplitter {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?=\\s)|[。！？；]");
    private static final String ELLIPSIS = "…";

    private ReplySplitter() {
    }

    static List<String> split(String text, ChannelLimits limits, int slots) {
        String rest = text.strip();
        if (rest.isEmpty()) {
            return List.of();
        }
        int max = limits.maxChars();
        if (max <= 0 || rest.length() <= max) {
            return List.of(rest);
        }
        List<String> parts = new ArrayList<>();
        int available = Math.max(1, slots);
        while (!rest.isEmpty()) {
            if (rest.length() <= max) {
                parts.add(rest);
                break;
            }
            if (parts.size() == available - 1) {
                parts.add(shorten(rest, max));
                break;
            }
            int cut = cutPoint(rest, max);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return parts;
    }

    /**
     * The length of the first part: the last good boundary within {@code max} characters. The character right after
     * them is looked at too: a break there means the first {@code max} characters are a whole part.
     */
    static int cutPoint(String text, int max) {
        String window = text.substring(0, Math.min(text.length(), max + 1));
        int minimum = max / 3; // a boundary too early would make many tiny messages
        int paragraph = window.lastIndexOf("\n\n");
        if (paragraph >= minimum) {
            return paragraph;
        }
        int line = window.lastIndexOf('\n');
        if (line >= minimum) {
            return line;
        }
        int sentence = -1;
        Matcher matcher = SENTENCE_END.matcher(window);
        while (matcher.find() && matcher.end() <= max) {
            sentence = matcher.end();
        }
        if (sentence >= minimum) {
            return sentence;
        }
        int space = window.lastIndexOf(' ');
        if (space >= minimum) {
            return space;
        }
        return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }

    private static String shorten(String text, int max) {
        int cut = cutPoint(text, max - ELLIPSIS.length());
        return text.substring(0, cut).strip() + ELLIPSIS;
    }
}
